package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.oncoindicators.testing.SparkTestBase;

/**
 * The engine counts each tumour once and derives the rest by adding sums: a centre's estimates,
 * the nation's (the sum of its centres), and the whole group's (the sum of its age groups and of
 * the tumours without one). Each must equal the estimates computed from those tumours directly —
 * observed, relative and net, at horizons and on the curves, in both approaches.
 */
class CentreAndNationalSumsTest extends SparkTestBase {
  private static final double TOLERANCE = 1e-12;
  private static final NetSurvivalSettings SETTINGS = new NetSurvivalSettings(List.of(1, 3, 5), 365.25,
      List.of("cohort", "period"), LocalDate.parse("2014-01-01"), 365.25 / 12);

  /** The relsurv fixture's tumours spread over three centres, with a sex stratum beside the age groups. */
  private static Dataset<Row> withCentres() {
    Column bucket = pmod(hash(col("time_days"), col("age_at_diagnosis")), lit(3));
    return NetSurvivalMatchesRelsurvTest.fixtureTumours()
        .withColumn("center_id", concat(lit("C"), bucket.cast("string")))
        .withColumn("strata", concat(col("strata"), array(concat(lit("sex="), col("sex")))))
        .select(NetSurvival.INPUT.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** (center, group, stratum, approach, estimator, horizon, time) → engine row. */
  private static Map<String, Row> estimates(Dataset<Row> tumours) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : NetSurvival.estimate(tumours, Optional.of(NetSurvivalMatchesRelsurvTest.fixtureLifeTable()),
        SETTINGS).collectAsList()) {
      String key = String.join("|", r.<String>getAs("center_id"), r.getAs("cancer_group"), r.getAs("stratum"),
          r.getAs("approach"),
          r.getAs("estimator"), String.valueOf(r.<Integer>getAs("horizon_years")),
          String.valueOf(r.<Double>getAs("time_days")));
      assertTrue(out.put(key, r) == null, "one row per key: " + key);
    }
    return out;
  }

  /** Every row of {@code expected} under key prefix {@code from} appears in {@code actual} under {@code as}, equal. */
  private static int assertSame(Map<String, Row> expected, String from, Map<String, Row> actual, String as) {
    int compared = 0;
    for (Map.Entry<String, Row> e : expected.entrySet()) {
      if (!e.getKey().startsWith(from + "|")) {
        continue;
      }
      String key = as + e.getKey().substring(from.length());
      Row a = actual.get(key);
      Row x = e.getValue();
      assertTrue(a != null, "missing " + key);
      assertEquals(x.<Double>getAs("estimate"), a.<Double>getAs("estimate"), TOLERANCE, key);
      Double xse = x.getAs("log_se");
      Double ase = a.getAs("log_se");
      assertEquals(xse == null, ase == null, key + " SE null");
      if (xse != null) {
        assertEquals(xse, ase, TOLERANCE, key + " SE");
      }
      assertEquals(x.<Long>getAs("n_patients"), a.<Long>getAs("n_patients"), key);
      assertEquals(x.<Long>getAs("n_events"), a.<Long>getAs("n_events"), key);
      assertEquals(x.<Boolean>getAs("estimable"), a.<Boolean>getAs("estimable"), key);
      compared++;
    }
    return compared;
  }

  @Test
  void nationalRowsEqualThePooledTumoursAndCentreRowsTheirOwn() {
    Dataset<Row> tumours = withCentres().cache();
    Map<String, Row> byCentre = estimates(tumours);
    // the reference in one run: all tumours without a centre (group g), and each centre's as a group of its own
    Column noCentre = lit(null).cast("string");
    Map<String, Row> reference = estimates(tumours.withColumn("center_id", noCentre).unionByName(
        tumours.withColumn("cancer_group", col("center_id")).withColumn("center_id", noCentre)));
    int compared = assertSame(reference, "ALL|g", byCentre, "ALL|g");
    int expected = compared;
    for (String c : List.of("C0", "C1", "C2")) {
      expected += (int) reference.keySet().stream().filter(k -> k.startsWith("ALL|" + c + "|")).count();
      compared += assertSame(reference, "ALL|" + c, byCentre, c + "|g");
    }
    assertEquals(byCentre.size(), expected, "no row without its own estimate");
    assertEquals(expected, compared, "the nation and the three centres compared");
    assertTrue(byCentre.keySet().stream().anyMatch(k -> k.startsWith("C0|g|sex=F|period|net_pohar_perme|5|")));
  }

  @Test
  void theWholeGroupIsTheSumOfItsAgeGroupsAndTheTumoursWithoutOne() {
    Dataset<Row> tumours = withCentres().withColumn("center_id", lit(null).cast("string")).cache();
    Map<String, Row> full = estimates(tumours);
    // a third of the tumours lose their age group: "all" must not change
    Column drop = pmod(hash(col("time_days")), lit(3)).equalTo(0);
    Map<String, Row> partial = estimates(tumours.withColumn("strata",
        when(drop, array(lit(SurvivalStrata.ALL), concat(lit("sex="), col("sex")))).otherwise(col("strata"))));
    Map<String, Row> wholeOnly = new HashMap<>();
    full.forEach((k, v) -> {
      if (k.startsWith("ALL|g|all|") || k.startsWith("ALL|g|sex=")) {
        wholeOnly.put(k, v);
      }
    });
    assertEquals(wholeOnly.size(), assertSame(wholeOnly, "ALL|g", partial, "ALL|g"));
    assertTrue(wholeOnly.keySet().stream().anyMatch(k -> k.startsWith("ALL|g|all|cohort|net_pohar_perme|5|")));
  }
}
