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
 * errors to 1e-6, each centre's expected events, and the likelihood-ratio statistic.
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
}
