package org.oncoindicators.riskadjust;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares every centre with the nation on one indicator and period (methods.md, "Risk adjustment
 * and comparison of centres"): O/E with its exact Poisson interval, the risk-standardised rate,
 * funnel limits at the centre's E (or n), the over-dispersion factor, the flag from the outer
 * limits, and an empirical-Bayes shrunken estimate. Works on per-centre counts only, so it runs on
 * the driver after the patient-level work is aggregated in Spark.
 */
public final class CentreComparison {
  public static final String HIGHER = "higher";
  public static final String LOWER = "lower";
  public static final String AS_EXPECTED = "as_expected";

  private final FunnelLimits.Basis basis;
  private final ComparisonSettings settings;

  public CentreComparison(FunnelLimits.Basis basis, ComparisonSettings settings) {
    this.basis = basis;
    this.settings = settings;
  }

  /** The comparison rows of the centres, then the national row (flag NULL: it is the target). */
  public List<Comparison> compare(List<CentreCounts> centres, CentreCounts nation, RateScale scale) {
    List<CentreCounts> comparable = centres.stream().filter(this::comparable).toList();
    double[] z = new double[comparable.size()];
    double[] oe = new double[comparable.size()];
    double[] variance = new double[comparable.size()];
    for (int i = 0; i < z.length; i++) {
      CentreCounts c = comparable.get(i);
      oe[i] = c.observed() / c.expected();
      variance[i] = FunnelLimits.nullVariance(basis, c.n(), c.expected());
      z[i] = (oe[i] - 1) / Math.sqrt(variance[i]);
    }
    Overdispersion dispersion = Overdispersion.estimate(z, settings.winsor(), settings.dispersionTestLevel(),
        settings.minCentres());
    EmpiricalBayes eb = EmpiricalBayes.fit(oe, variance);
    List<Comparison> out = new ArrayList<>();
    for (CentreCounts c : centres) {
      out.add(row(c, scale, dispersion.factor(), eb, true));
    }
    out.add(row(nation, scale, dispersion.factor(), eb, false));
    return out;
  }

  private boolean comparable(CentreCounts c) {
    return c.expected() > 0 && c.n() >= settings.minN();
  }

  private Comparison row(CentreCounts c, RateScale scale, double phi, EmpiricalBayes eb, boolean isCentre) {
    if (!(c.expected() > 0)) {
      return new Comparison(c, null, null, null, null, null, null, null, null, null, null, phi, null, null, null,
          Comparison.NOT_ESTIMABLE);
    }
    double oe = c.observed() / c.expected();
    double[] ci = ExactPoisson.interval(c.observed(), settings.confLevel());
    double lo = ci[0] / c.expected();
    double hi = ci[1] / c.expected();
    double inner = (1 - settings.innerLimit()) / 2;
    double outer = (1 - settings.outerLimit()) / 2;
    double f95l = FunnelLimits.ratioLimit(basis, c.n(), c.expected(), inner, phi);
    double f95u = FunnelLimits.ratioLimit(basis, c.n(), c.expected(), 1 - inner, phi);
    double f998l = FunnelLimits.ratioLimit(basis, c.n(), c.expected(), outer, phi);
    double f998u = FunnelLimits.ratioLimit(basis, c.n(), c.expected(), 1 - outer, phi);
    boolean flagged = isCentre && comparable(c);
    String flag = !flagged ? null : oe > f998u ? HIGHER : oe < f998l ? LOWER : AS_EXPECTED;
    Double shrunken = isCentre ? eb.shrink(oe, FunnelLimits.nullVariance(basis, c.n(), c.expected())) : oe;
    return new Comparison(c, oe, lo, hi, scale.rate(oe), scale.rate(lo), scale.rate(hi), f95l, f95u, f998l, f998u, phi,
        flag, shrunken, scale.rate(shrunken), isCentre && !flagged ? Comparison.TOO_FEW : Comparison.OK);
  }
}
