package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.testing.SparkTestBase;

/**
 * Kaplan–Meier, as the survival stage computes it (in the one pass with relative and net
 * survival), against R survival::survfit on the fixture made by src/test/r/km_fixture.R: estimate,
 * standard error and confidence limits equal to 1e-9 for every conf.type, also with the period
 * approach's entry times.
 */
class KaplanMeierMatchesRTest extends SparkTestBase {
  private static final double TOLERANCE = 1e-9;
  private static final LocalDate CLOSING = LocalDate.parse("2025-12-31");
  /** The period window's first day for a 5-year window ending at {@link #CLOSING}. */
  private static final LocalDate WINDOW_START = CLOSING.minusYears(5).plusDays(1);

  /**
   * Observed-survival rows at horizons 1, 3, 5 years of the fixture's tumours (group → centre),
   * without a life table; entry days, when given, become diagnosis dates before the period window.
   */
  private static List<Row> observed(String fixture, String confType, String approach) {
    Dataset<Row> in = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/km/" + fixture).toString());
    Column entry = List.of(in.columns()).contains("entry_days") ? col("entry_days") : lit(0);
    Dataset<Row> levels = in.select(col("group").as("center_id"), lit("g").as("cancer_group"),
        array(lit(SurvivalStrata.ALL)).as("strata"), col("time_days").cast("int").as("time_days"),
        col("event").cast("int").as("event"), lit("M").as("sex"), lit(60.0).as("age_at_diagnosis"),
        date_sub(lit(WINDOW_START), entry).as("diagnosis_date"), lit(null).cast("string").as("residence_region"));
    PipelineConfig.Survival s = new PipelineConfig.Survival(List.of(1, 3, 5), confType, 0.95, List.of(),
        List.of(approach), 5, 30.4375, "ICSS1", Map.of());
    return SurvivalStage.estimate(levels, s, CLOSING, 365.25, Optional.empty(), null).rows("t")
        .filter(col("estimator").equalTo(NetSurvival.OBSERVED).and(col("center_id").notEqual(NetSurvival.ALL_CENTERS)))
        .orderBy("center_id", "horizon_years").collectAsList();
  }

  @Test
  void estimatesStandardErrorsAndLimitsEqualSurvfit() {
    List<Row> expected = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/km/km_expected.csv").toString()).collectAsList();
    int compared = 0;
    for (String confType : List.of("log-log", "log", "plain")) {
      Map<String, Row> actual = new HashMap<>();
      for (Row r : observed("km_input.csv", confType, "cohort")) {
        actual.put(r.getAs("center_id") + "/" + r.<Integer>getAs("horizon_years"), r);
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
    Map<Integer, Row> actual = new HashMap<>();
    for (Row r : observed("km_period_input.csv", "log-log", "period")) {
      actual.put(r.getAs("horizon_years"), r);
    }
    List<Row> expected = spark().read().option("header", "true").option("inferSchema", "true")
        .csv(resource("fixtures/km/km_period_expected.csv").toString()).collectAsList();
    assertEquals(3, expected.size());
    for (Row e : expected) {
      Row a = actual.get(e.<Integer>getAs("horizon_years"));
      assertEquals("period", a.getAs("approach"));
      assertEquals(e.<Double>getAs("surv"), a.<Double>getAs("estimate"), TOLERANCE);
      assertEquals(e.<Double>getAs("std_err"), a.<Double>getAs("std_error"), TOLERANCE);
      assertEquals(e.<Double>getAs("lower"), a.<Double>getAs("ci_lower"), TOLERANCE);
      assertEquals(e.<Double>getAs("upper"), a.<Double>getAs("ci_upper"), TOLERANCE);
      assertEquals(e.<Integer>getAs("n_events").longValue(), a.<Long>getAs("n_events"));
    }
  }

  @Test
  void horizonBeyondFollowUpIsNotEstimable() {
    List<Row> rows = observed("km_input.csv", "log-log", "cohort").stream()
        .filter(r -> "C".equals(r.getAs("center_id"))).toList();
    assertEquals(3, rows.size());
    assertEquals("ok", rows.get(0).getAs("status"));
    for (Row r : rows.subList(1, 3)) {
      assertEquals("not_estimable", r.getAs("status"));
      assertNull(r.getAs("estimate"));
    }
    assertTrue(rows.get(0).<Long>getAs("n_patients") == 40L);
  }
}
