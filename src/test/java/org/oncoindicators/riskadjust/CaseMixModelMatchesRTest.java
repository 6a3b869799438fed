package org.oncoindicators.riskadjust;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/**
 * The case-mix models equal R's {@code glm} on the same units (fixtures and the script that made
 * them in src/test/resources/fixtures/glm and src/test/r/glm_fixture.R): coefficients and standard
 * errors to 1e-6, each centre's expected events, and the likelihood-ratio statistic. With a level
 * that has no events (quasi-complete separation, src/test/r/glm_separation_fixture.R) the fit
 * equals R's fit without that level, and R's plain {@code glm} on all units, which stops with the
 * level's coefficient near −16, to its own convergence.
 */
class CaseMixModelMatchesRTest extends SparkTestBase {
  private static final List<Covariate> COVARIATES = CaseMixCovariates.KNOWN.stream()
      .filter(c -> !c.equals(CaseMixCovariates.CANCER_GROUP)).map(CaseMixCovariates::covariate).toList();

  private static Dataset<Row> units(String file) {
    return spark().read().option("header", true).option("inferSchema", true)
        .csv(resource("fixtures/glm/" + file).toString())
        .withColumn(CaseMixCovariates.CHARLSON, CaseMixCovariates.charlsonGroup(col("charlson")))
        .withColumn(CaseMixCovariates.DIAGNOSIS_YEAR, CaseMixCovariates.yearTerm(col("diagnosis_year"), 2025))
        .withColumn(LogisticCaseMix.PERIOD, lit("all"));
  }

  private static Map<String, double[]> table(String file) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(resource("fixtures/glm/" + file));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double[] v = new double[f.length - 1];
      for (int i = 1; i < f.length; i++) {
        v[i - 1] = Double.parseDouble(f[i]);
      }
      out.put(f[0], v);
    }
    return out;
  }

  private static void assertCoefficients(Map<String, double[]> expected, Glm.Result fit) {
    assertEquals(List.copyOf(expected.keySet()), fit.terms(), "terms and reference levels as in R");
    for (int i = 0; i < fit.terms().size(); i++) {
      double[] r = expected.get(fit.terms().get(i));
      assertEquals(r[0], fit.coefficients()[i], 1e-6, "coefficient of " + fit.terms().get(i));
      assertEquals(r[1], fit.stdErrors()[i], 1e-6, "standard error of " + fit.terms().get(i));
    }
  }

  /** As {@link #assertCoefficients}, with {@code fittedOut} appended at −∞ and no standard error. */
  private static void assertFittedOut(Map<String, double[]> expected, Glm.Result fit, String fittedOut) {
    List<String> terms = new java.util.ArrayList<>(expected.keySet());
    terms.add(fittedOut);
    assertEquals(terms, fit.terms(), "R's terms, then the fitted-out level");
    int last = terms.size() - 1;
    assertEquals(Double.NEGATIVE_INFINITY, fit.coefficients()[last]);
    assertTrue(Double.isNaN(fit.stdErrors()[last]));
    for (int i = 0; i < last; i++) {
      double[] r = expected.get(terms.get(i));
      assertEquals(r[0], fit.coefficients()[i], 1e-6, "coefficient of " + terms.get(i));
      assertEquals(r[1], fit.stdErrors()[i], 1e-6, "standard error of " + terms.get(i));
    }
    assertTrue(fit.converged(), "IRLS converged in " + fit.iterations());
  }

  /** Each centre's expected events against R's plain glm on all units (its fitted values at the level are ~1e-7). */
  private static void assertPlainGlm(Map<String, double[]> expected, List<CentreCounts> centres, CentreCounts nation) {
    for (CentreCounts c : centres) {
      assertEquals(expected.get(c.centerId())[3], c.expected(), 1e-5, "expected events of " + c.centerId());
    }
    assertEquals(expected.get("ALL")[3], nation.expected(), 1e-5);
  }

  private static void assertCentres(Map<String, double[]> expected, List<CentreCounts> centres, CentreCounts nation) {
    for (CentreCounts c : centres) {
      double[] r = expected.get(c.centerId());
      assertEquals((long) r[0], c.n(), "units of " + c.centerId());
      assertEquals((long) r[1], c.observed(), "observed events of " + c.centerId());
      assertEquals(r[2], c.expected(), 1e-6, "expected events of " + c.centerId());
    }
    assertEquals(expected.size() - 1, centres.size());
    assertEquals(expected.get("ALL")[2], nation.expected(), 1e-6);
  }

  @Test
  void logisticCaseMixMatchesRGlmBinomial() throws IOException {
    LogisticCaseMix.Output out = LogisticCaseMix.run(units("binary_units.csv"), COVARIATES, 10);
    assertEquals("ok", out.fitted().status());
    assertCoefficients(table("binary_coefficients.csv"), out.fitted().result());
    assertCentres(table("binary_expected.csv"), out.centres(), out.nation().get("all"));
    Map<String, double[]> summary = table("binary_summary.csv");
    Deviance fit = out.quality().deviance();
    assertEquals(summary.get("null_deviance")[0] - summary.get("deviance")[0], fit.nullModel() - fit.model(), 1e-6,
        "likelihood-ratio statistic (grouped deviances differ from unit-level ones by a constant)");
    assertEquals(summary.get("c_statistic")[0], out.quality().cStatistic(), 1e-9);
    Calibration cal = out.quality().calibration();
    assertEquals(343.0, cal.deciles().stream().mapToDouble(Calibration.Decile::observed).sum(), 1e-9);
    assertEquals(343.0, cal.deciles().stream().mapToDouble(Calibration.Decile::expected).sum(), 1e-6);
    assertTrue(cal.deciles().size() >= 8, "risk groups: " + cal.deciles().size());
  }

  @Test
  void piecewiseExponentialMatchesRGlmPoissonAtFiveAndOneYears() throws IOException {
    for (int horizon : new int[] {5, 1}) {
      double[] cuts = horizon == 5 ? new double[] {0, 0.25, 0.5, 1, 2, 3, 4, 5} : new double[] {0, 0.25, 0.5, 1};
      PiecewiseExponential.Output out = PiecewiseExponential.run(units("survival_units.csv"), cuts, 365.25,
          COVARIATES, 10);
      String prefix = "survival_h" + horizon + "_";
      assertCoefficients(table(prefix + "coefficients.csv"), out.fitted().result());
      assertCentres(table(prefix + "expected.csv"), out.centres(), out.nation().get("all"));
      Map<String, double[]> summary = table(prefix + "summary.csv");
      assertEquals(summary.get("events")[0], out.nation().get("all").observed(), 0.0, "deaths within the horizon");
      assertEquals(summary.get("person_years")[0], out.personYears().get("all"), 1e-8);
      Deviance fit = out.quality().deviance();
      assertEquals(summary.get("null_deviance")[0] - summary.get("deviance")[0], fit.nullModel() - fit.model(),
          1e-6, "likelihood-ratio statistic at " + horizon + " years");
    }
  }

  @Test
  void aLevelWithoutEventsIsFittedOutAsInRLogistic() throws IOException {
    LogisticCaseMix.Output out = LogisticCaseMix.run(units("separated_binary_units.csv"), COVARIATES, 10);
    assertEquals("ok; fitted out stage=unknown (no events: coefficient -Inf, its units' expected = observed)",
        out.fitted().status());
    assertFittedOut(table("separated_binary_coefficients.csv"), out.fitted().result(), "stage=unknown");
    Map<String, double[]> expected = table("separated_binary_expected.csv");
    assertCentres(expected, out.centres(), out.nation().get("all"));
    assertPlainGlm(expected, out.centres(), out.nation().get("all"));
    Deviance fit = out.quality().deviance();
    assertEquals(table("separated_binary_summary.csv").get("lr_statistic")[0], fit.nullModel() - fit.model(), 1e-6);
  }

  @Test
  void aLevelWithoutEventsIsFittedOutAsInRPiecewiseExponential() throws IOException {
    PiecewiseExponential.Output out = PiecewiseExponential.run(units("separated_survival_units.csv"),
        new double[] {0, 0.25, 0.5, 1}, 365.25, COVARIATES, 10);
    assertEquals("ok; fitted out age_group=15-44 (no events: coefficient -Inf, its units' expected = observed)",
        out.fitted().status());
    assertFittedOut(table("separated_survival_coefficients.csv"), out.fitted().result(), "age_group=15-44");
    Map<String, double[]> expected = table("separated_survival_expected.csv");
    assertCentres(expected, out.centres(), out.nation().get("all"));
    assertPlainGlm(expected, out.centres(), out.nation().get("all"));
    Map<String, double[]> summary = table("separated_survival_summary.csv");
    assertEquals(summary.get("person_years")[0], out.personYears().get("all"), 1e-8);
    Deviance fit = out.quality().deviance();
    assertEquals(summary.get("lr_statistic")[0], fit.nullModel() - fit.model(), 1e-6);
  }
}
