package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/** ICSS age standardisation of Pohar-Perme net survival, checked by hand from the relsurv fixture. */
class AgeStandardisedSurvivalTest extends SparkTestBase {
  private static final Map<String, Double> ICSS1 =
      Map.of("15-44", 0.07, "45-54", 0.12, "55-64", 0.23, "65-74", 0.29, "75+", 0.29);

  private static Dataset<Row> standardised(Dataset<Row> tumours) {
    NetSurvivalSettings settings = new NetSurvivalSettings(List.of(1, 3, 5), 365.25, List.of("cohort"),
        LocalDate.parse("2015-01-01"), 30.4375);
    Map<String, Map<String, Double>> weights = IcssWeights.load(home().resolve("conf/reference/icss_weights.csv"))
        .forGroups(Set.of("g"), "ICSS1", Map.of());
    return SurvivalStage.finish(NetSurvival.estimate(tumours,
            java.util.Optional.of(NetSurvivalMatchesRelsurvTest.fixtureLifeTable()), settings, weights)
            .filter(col("estimator").equalTo(AgeStandardisedSurvival.ESTIMATOR)),
        new ConfidenceInterval("log-log", 0.95).uncapped()).orderBy("horizon_years");
  }

  @Test
  void weightedSumOfAgeSpecificEstimatesWithVarianceSumOfSquaredWeights() {
    List<Row> expected = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/relsurv/expected.csv").toString())
        .filter("method = 'pohar-perme' AND age_group <> 'all'").collectAsList();
    List<Row> actual = standardised(NetSurvivalMatchesRelsurvTest.fixtureTumours()).collectAsList();
    assertEquals(3, actual.size());
    for (Row a : actual) {
      int h = a.getAs("horizon_years");
      double s = 0;
      double v = 0;
      for (Row e : expected) {
        if (e.<Integer>getAs("horizon_years") == h) {
          double w = ICSS1.get(e.<String>getAs("age_group"));
          s += w * e.<Double>getAs("estimate");
          v += w * w * Math.pow(e.<Double>getAs("std_err"), 2);
        }
      }
      assertEquals("ok", a.getAs("status"));
      assertEquals(s, a.<Double>getAs("estimate"), 1e-9, "age-standardised estimate at " + h);
      assertEquals(Math.sqrt(v), a.<Double>getAs("std_error"), 1e-9, "its standard error at " + h);
    }
  }

  @Test
  void anAgeGroupWithoutPatientsMakesItNotEstimableInsteadOfReweighting() {
    Dataset<Row> noYoung = NetSurvivalMatchesRelsurvTest.fixtureTumours()
        .filter("NOT array_contains(strata, 'age_group=15-44')");
    for (Row a : standardised(noYoung).collectAsList()) {
      assertEquals("not_estimable", a.getAs("status"));
      assertNull(a.getAs("estimate"));
    }
  }
}
