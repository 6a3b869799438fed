package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/**
 * Ederer II and Pohar-Perme against relsurv::rs.surv on the fixture made by
 * src/test/r/relsurv_fixture.R (600 tumours, Slovenian population hazards): overall and per ICSS
 * age group, at 1, 3 and 5 years.
 */
class NetSurvivalMatchesRelsurvTest extends SparkTestBase {
  static final double TOLERANCE = 1e-9;
  private static Map<String, Row> actual;
  private static List<Row> expected;

  static PopulationHazards fixtureLifeTable() {
    Dataset<Row> lt = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/relsurv/lifetable.csv").toString())
        .withColumn("region", lit(null).cast("string")).withColumn("mx", lit(null).cast("double"))
        .withColumn("qx", lit(null).cast("double"));
    return PopulationHazards.fromRows(lt.collectAsList(), 365.25);
  }

  static Dataset<Row> fixtureTumours() {
    return spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/relsurv/tumours.csv").toString())
        .select(lit(null).cast("string").as("center_id"), lit("g").as("cancer_group"),
            array(lit("all"), concat(lit("age_group="), col("age_group"))).as("strata"),
            col("time_days").cast("int").as("time_days"), col("event").cast("int").as("event"), col("sex"),
            col("age_at_diagnosis").cast("double").as("age_at_diagnosis"),
            to_date(col("diagnosis_date").cast("string")).as("diagnosis_date"),
            lit(null).cast("string").as("residence_region"));
  }

  @BeforeAll
  static void estimate() {
    NetSurvivalSettings settings = new NetSurvivalSettings(List.of(1, 3, 5), 365.25, List.of("cohort"),
        LocalDate.parse("2015-01-01"), 365.25 / 12);
    actual = new HashMap<>();
    for (Row r : NetSurvival.estimate(fixtureTumours(), java.util.Optional.of(fixtureLifeTable()), settings)
        .filter(col("horizon_years").isNotNull()).collectAsList()) {
      actual.put(r.getAs("estimator") + "|" + r.getAs("stratum") + "|" + r.getAs("horizon_years"), r);
    }
    expected = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/relsurv/expected.csv").toString()).collectAsList();
  }

  @Test
  void ederer2AndPoharPermeEqualRsSurvOverallAndPerAgeGroup() {
    int compared = 0;
    for (Row e : expected) {
      String estimator = "ederer2".equals(e.getAs("method")) ? NetSurvival.EDERER2 : NetSurvival.POHAR_PERME;
      String group = e.getAs("age_group");
      String key = estimator + "|" + ("all".equals(group) ? "all" : "age_group=" + group) + "|"
          + e.<Integer>getAs("horizon_years");
      Row a = actual.get(key);
      assertTrue(a.<Boolean>getAs("estimable"), key);
      assertEquals(e.<Double>getAs("estimate"), a.<Double>getAs("estimate"), TOLERANCE, key + " estimate");
      assertEquals(e.<Double>getAs("std_err_raw"), a.<Double>getAs("log_se"), TOLERANCE, key + " std.err");
      compared++;
    }
    assertEquals(36, compared);
  }
}
