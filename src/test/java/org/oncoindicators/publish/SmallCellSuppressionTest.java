package org.oncoindicators.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/** Primary and complementary suppression on hand-made tables whose right answer is known. */
class SmallCellSuppressionTest extends SparkTestBase {
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("center_id", DataTypes.StringType, false),
      DataTypes.createStructField("stratum", DataTypes.StringType, false),
      DataTypes.createStructField("n", DataTypes.LongType, true),
      DataTypes.createStructField("events", DataTypes.LongType, true)));
  private static final SmallCellSuppression SUPPRESSION = new SmallCellSuppression(new SuppressionRule(10, 5));
  private static final List<String> KEYS = List.of("center_id", "stratum");

  private static Dataset<Row> table(Object[]... rows) {
    return spark().createDataFrame(java.util.Arrays.stream(rows).map(RowFactory::create).toList(), SCHEMA);
  }

  private static Map<String, String> suppressed(Dataset<Row> out) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : out.collectAsList()) {
      if (r.getAs(SmallCellSuppression.COLUMN) != null) {
        m.put(r.getAs("center_id") + "/" + r.getAs("stratum"), r.getAs(SmallCellSuppression.COLUMN));
      }
    }
    return m;
  }

  @Test
  void aLoneSmallCentreTakesTheNextSmallestCentreWithItSoTheNationalTotalGivesNeitherAway() {
    Dataset<Row> out = SUPPRESSION.apply(table(
        new Object[] {"ALL", "all", 100L, 40L}, new Object[] {"A", "all", 6L, 2L}, new Object[] {"B", "all", 20L, 8L},
        new Object[] {"C", "all", 30L, 12L}, new Object[] {"D", "all", 44L, 18L}), KEYS, "n", "events",
        List.of(Margin.simple("center_id", "ALL")));
    assertEquals(Map.of("A/all", "primary", "B/all", "complementary"), suppressed(out));
  }

  @Test
  void fewerThanFiveEventsIsSuppressedEvenWithManyPatients() {
    Dataset<Row> out = SUPPRESSION.apply(table(
        new Object[] {"ALL", "all", 300L, 26L}, new Object[] {"A", "all", 100L, 4L}, new Object[] {"B", "all", 90L, 10L},
        new Object[] {"C", "all", 110L, 12L}), KEYS, "n", "events", List.of(Margin.simple("center_id", "ALL")));
    assertEquals(Map.of("A/all", "primary", "B/all", "complementary"), suppressed(out));
  }

  @Test
  void complementarySuppressionCascadesAcrossStrataAndCentresUntilNoSumHasALoneUnknown() {
    // A's sex=F is small; its only sibling sex=M must go; then the sex=M column over centres has one
    // unknown, so another centre's sex=M goes, whose sex=F sibling must then go too.
    Dataset<Row> out = SUPPRESSION.apply(table(
        new Object[] {"ALL", "all", 120L, 60L}, new Object[] {"ALL", "sex=F", 50L, 25L},
        new Object[] {"ALL", "sex=M", 70L, 35L},
        new Object[] {"A", "all", 40L, 20L}, new Object[] {"A", "sex=F", 8L, 4L}, new Object[] {"A", "sex=M", 32L, 16L},
        new Object[] {"B", "all", 80L, 40L}, new Object[] {"B", "sex=F", 42L, 21L},
        new Object[] {"B", "sex=M", 38L, 19L}), KEYS, "n", "events",
        List.of(Margin.simple("center_id", "ALL"), Margin.strata("stratum", "all")));
    Map<String, String> hidden = suppressed(out);
    assertEquals("primary", hidden.get("A/sex=F"));
    assertEquals(Map.of("A/sex=F", "primary", "A/sex=M", "complementary", "B/sex=F", "complementary",
        "B/sex=M", "complementary"), hidden);
    assertNothingRecoverable(out);
  }

  @Test
  void aCentreWithoutARowAlreadyHidesItsShareOfTheTotal() {
    // ALL counts 100 but the listed centres only 94: the gap is an unknown, so A alone is safe
    Dataset<Row> out = SUPPRESSION.apply(table(
        new Object[] {"ALL", "all", 100L, 40L}, new Object[] {"A", "all", 7L, 5L}, new Object[] {"B", "all", 40L, 15L},
        new Object[] {"C", "all", 47L, 15L}), KEYS, "n", "events", List.of(Margin.simple("center_id", "ALL")));
    assertEquals(Map.of("A/all", "primary"), suppressed(out));
  }

  @Test
  void cellsHiddenBeforehandStayHiddenAndCount() {
    Dataset<Row> in = table(new Object[] {"ALL", "all", 100L, 40L}, new Object[] {"A", "all", 30L, 12L},
        new Object[] {"B", "all", 30L, 12L}, new Object[] {"C", "all", 40L, 16L})
        .withColumn(SmallCellSuppression.COLUMN, org.apache.spark.sql.functions.when(
            org.apache.spark.sql.functions.col("center_id").equalTo("C"), "complementary"));
    Map<String, String> hidden = suppressed(SUPPRESSION.apply(in, KEYS, "n", "events",
        List.of(Margin.simple("center_id", "ALL"))));
    assertEquals(2, hidden.size(), hidden.toString());
    assertEquals("complementary", hidden.get("C/all"));
  }

  private static void assertNothingRecoverable(Dataset<Row> out) {
    for (String value : List.of("n", "events")) {
      SubtractionAttack attack = new SubtractionAttack();
      Map<String, Long> truth = new TreeMap<>();
      for (Row r : out.collectAsList()) {
        String cell = r.getAs("center_id") + "/" + r.getAs("stratum");
        truth.put(cell, r.getAs(value));
        attack.publish(cell, r.getAs(SmallCellSuppression.COLUMN) == null ? r.getAs(value) : null);
      }
      for (String c : List.of("ALL", "A", "B")) {
        attack.sum(c + "/all", List.of(c + "/sex=F", c + "/sex=M"));
      }
      for (String s : List.of("all", "sex=F", "sex=M")) {
        attack.sum("ALL/" + s, List.of("A/" + s, "B/" + s));
      }
      Map<String, Long> recovered = attack.recover();
      assertTrue(recovered.isEmpty(), value + " recovered by subtraction: " + recovered + " (truth " + truth + ")");
    }
  }
}
