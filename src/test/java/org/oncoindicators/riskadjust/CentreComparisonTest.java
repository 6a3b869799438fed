package org.oncoindicators.riskadjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact intervals, funnel limits, over-dispersion and shrinkage against hand-checked values. */
class CentreComparisonTest {
  private static final ComparisonSettings SETTINGS = new ComparisonSettings(0.95, 0.95, 0.998, 0.1, 0.05, 5, 20);

  @Test
  void exactPoissonIntervalEqualsRPoissonTest() {
    double[] ci = ExactPoisson.interval(5, 0.95); // R: poisson.test(5)$conf.int
    assertEquals(1.623486, ci[0], 1e-6);
    assertEquals(11.668332, ci[1], 1e-6);
    double[] zero = ExactPoisson.interval(0, 0.95);
    assertEquals(0.0, zero[0]);
    assertEquals(3.688879, zero[1], 1e-6);
  }

  @Test
  void poissonFunnelLimitInterpolatesBetweenIntegers() {
    // R: ppois(16, 10) = 0.9729584, ppois(17, 10) = 0.9857224; limit = (17 - alpha) / 10
    double alpha = (0.9857224 - 0.975) / (0.9857224 - 0.9729584);
    assertEquals((17 - alpha) / 10, FunnelLimits.ratioLimit(FunnelLimits.Basis.POISSON, 100, 10, 0.975, 1), 1e-6);
    double widened = FunnelLimits.ratioLimit(FunnelLimits.Basis.POISSON, 100, 10, 0.975, 4);
    assertEquals(1 + 2 * ((17 - alpha) / 10 - 1), widened, 1e-6, "over-dispersion doubles the distance for phi = 4");
  }

  @Test
  void funnelNarrowsAsExpectedEventsGrow() {
    double small = FunnelLimits.ratioLimit(FunnelLimits.Basis.BINOMIAL, 50, 5, 0.999, 1);
    double large = FunnelLimits.ratioLimit(FunnelLimits.Basis.BINOMIAL, 5000, 500, 0.999, 1);
    assertTrue(small > large && large > 1, small + " vs " + large);
    assertTrue(FunnelLimits.ratioLimit(FunnelLimits.Basis.BINOMIAL, 5000, 500, 0.001, 1) < 1);
  }

  @Test
  void dispersionIsAppliedOnlyWhenCentresVaryMoreThanChance() {
    double[] chance = {-1.2, 0.3, 0.8, -0.5, 1.1, -0.9, 0.2, 0.0, -0.3, 0.6};
    assertFalse(Overdispersion.estimate(chance, 0.1, 0.05, 5).applied());
    double[] spread = {-4, 3.5, 2.8, -3.1, 4.2, -2.9, 3.3, -3.8, 2.5, -2.6};
    Overdispersion d = Overdispersion.estimate(spread, 0.1, 0.05, 5);
    assertTrue(d.applied() && d.factor() > 5, "phi " + d.phi());
    assertFalse(Overdispersion.estimate(new double[] {5, -5, 5}, 0.1, 0.05, 5).applied(), "too few centres");
  }

  @Test
  void empiricalBayesPullsSmallCentresFurtherTowardsTheTarget() {
    EmpiricalBayes eb = EmpiricalBayes.fit(new double[] {0.5, 1.5, 0.8, 1.3, 1.0}, new double[] {0.01, 0.01, 0.01, 0.01, 0.01});
    assertTrue(eb.tau2() > 0);
    double big = eb.shrink(2.0, 0.01);
    double small = eb.shrink(2.0, 1.0);
    assertTrue(big > small && small > 1.0 && big < 2.0, big + " " + small);
    assertEquals(1.0, EmpiricalBayes.fit(new double[] {1.0, 1.0}, new double[] {0.1, 0.1}).shrink(3.0, 0.1), 1e-12,
        "no between-centre variance: everyone is shrunk to the national value");
  }

  @Test
  void centresOutsideTheOuterLimitsAreFlaggedAndSmallCentresAreNot() {
    List<CentreCounts> centres = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      centres.add(new CentreCounts("C" + i, "all", 1000, 100 + (i % 3) - 1, 100, 0.1));
    }
    centres.add(new CentreCounts("HIGH", "all", 1000, 160, 100, 0.16));
    centres.add(new CentreCounts("LOW", "all", 1000, 55, 100, 0.055));
    centres.add(new CentreCounts("TINY", "all", 10, 5, 1, 0.5));
    long o = centres.stream().mapToLong(CentreCounts::observed).sum();
    double e = centres.stream().mapToDouble(CentreCounts::expected).sum();
    CentreCounts nation = new CentreCounts("ALL", "all", 32_010, o, e, o / 32_010.0);
    List<Comparison> rows = new CentreComparison(FunnelLimits.Basis.BINOMIAL, SETTINGS)
        .compare(centres, nation, RateScale.proportion(0.1));
    assertEquals(CentreComparison.HIGHER, flag(rows, "HIGH"));
    assertEquals(CentreComparison.LOWER, flag(rows, "LOW"));
    assertEquals(CentreComparison.AS_EXPECTED, flag(rows, "C0"));
    assertNull(flag(rows, "TINY"), "five times the expected rate, but 10 patients: not flagged");
    assertEquals(Comparison.TOO_FEW, rows.stream().filter(r -> r.counts().centerId().equals("TINY")).findFirst()
        .orElseThrow().status());
    Comparison high = rows.stream().filter(r -> r.counts().centerId().equals("HIGH")).findFirst().orElseThrow();
    assertEquals(1.6, high.oe(), 1e-12);
    assertEquals(0.16, high.riskStandardisedRate(), 1e-12);
    assertTrue(high.oeLower() > 1 && high.shrunkenOe() < 1.6 && high.shrunkenOe() > 1);
    assertNull(flag(rows, "ALL"), "the nation is the target, not a centre");
  }

  private static String flag(List<Comparison> rows, String centre) {
    return rows.stream().filter(r -> r.counts().centerId().equals(centre)).findFirst().orElseThrow().flag();
  }
}
