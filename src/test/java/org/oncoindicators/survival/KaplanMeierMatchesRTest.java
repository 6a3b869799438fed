package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/**
 * Kaplan–Meier against R survival::survfit on the fixture made by src/test/r/km_fixture.R:
 * estimate, standard error and confidence limits equal to 1e-9 for every conf.type.
 */
class KaplanMeierMatchesRTest extends SparkTestBase {
  private static final double TOLERANCE = 1e-9;

  @Test
  void estimatesStandardErrorsAndLimitsEqualSurvfit() {
    Dataset<Row> in = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/km/km_input.csv").toString());
    List<Row> expected = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/km/km_expected.csv").toString()).collectAsList();
    int compared = 0;
    for (String confType : List.of("log-log", "log", "plain")) {
      Map<String, Row> actual = new HashMap<>();
      for (Row r : KaplanMeier.atHorizons(in, List.of("group"), List.of(1, 3, 5), 365.25,
          new ConfidenceInterval(confType, 0.95)).collectAsList()) {
        actual.put(r.getString(0) + "/" + r.getInt(1), r);
      }
      for (Row e : expected) {
        if (!e.getAs("conf_type").equals(confType)) {
          continue;
        }
        String key = e.getAs("group") + "/" + e.<Integer>getAs("horizon_years");
        Row a = actual.get(key);
        assertEquals("ok", a.getAs("status"), key);
        assertEquals(e.<Double>getAs("surv"), a.<Double>getAs("estimate"), TOLERANCE, key + " surv");
        assertEquals(e.<Double>getAs("std_err"), a.<Double>getAs("std_error"), TOLERANCE, key + " std.err");
        assertEquals(e.<Double>getAs("lower"), a.<Double>getAs("ci_lower"), TOLERANCE, key + " lower " + confType);
        assertEquals(e.<Double>getAs("upper"), a.<Double>getAs("ci_upper"), TOLERANCE, key + " upper " + confType);
        assertEquals(e.<Integer>getAs("n_events").longValue(), a.<Long>getAs("n_events"), key + " events");
        compared++;
      }
    }
    assertEquals(21, compared, "every R row compared");
  }

  @Test
  void leftTruncatedFollowUpOfThePeriodApproachEqualsSurvfitWithEntryTimes() {
    Dataset<Row> in = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/km/km_period_input.csv").toString());
    Map<Integer, Row> actual = new HashMap<>();
    for (Row r : KaplanMeier.atHorizons(in, List.of("group"), List.of(1, 3, 5), 365.25,
        new ConfidenceInterval("log-log", 0.95)).collectAsList()) {
      actual.put(r.getAs("horizon_years"), r);
    }
    List<Row> expected = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/km/km_period_expected.csv").toString()).collectAsList();
    assertEquals(3, expected.size());
    for (Row e : expected) {
      Row a = actual.get(e.<Integer>getAs("horizon_years"));
      assertEquals(e.<Double>getAs("surv"), a.<Double>getAs("estimate"), TOLERANCE);
      assertEquals(e.<Double>getAs("std_err"), a.<Double>getAs("std_error"), TOLERANCE);
      assertEquals(e.<Double>getAs("lower"), a.<Double>getAs("ci_lower"), TOLERANCE);
      assertEquals(e.<Double>getAs("upper"), a.<Double>getAs("ci_upper"), TOLERANCE);
      assertEquals(e.<Integer>getAs("n_events").longValue(), a.<Long>getAs("n_events"));
    }
  }

  @Test
  void horizonBeyondFollowUpIsNotEstimable() {
    Dataset<Row> in = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/km/km_input.csv").toString()).filter(col("group").equalTo("C"));
    List<Row> rows = KaplanMeier.atHorizons(in, List.of("group"), List.of(1, 3, 5), 365.25,
        new ConfidenceInterval("log-log", 0.95)).orderBy("horizon_years").collectAsList();
    assertEquals("ok", rows.get(0).getAs("status"));
    for (Row r : rows.subList(1, 3)) {
      assertEquals("not_estimable", r.getAs("status"));
      assertNull(r.getAs("estimate"));
    }
    assertTrue(rows.get(0).<Long>getAs("n_patients") == 40L);
  }
}
