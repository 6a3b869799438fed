package org.oncoindicators.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.cli.OncoIndicators;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.testing.ReferenceRun;
import org.oncoindicators.testing.SparkTestBase;

/**
 * The whole pipeline through the command line on a few hundred synthetic patients (the shared
 * {@link ReferenceRun}): tables, rerun, query, bad input.
 */
class NightlyPipelineTest extends SparkTestBase {
  private static final String RUN_DATE = ReferenceRun.RUN_DATE;
  private static Path data;
  private static Path warehouse;

  /** The shared reference run (the same extracts and command line), copied so that reruns here change only this copy. */
  @BeforeAll
  static void copyTheReferenceRun() {
    data = ReferenceRun.data();
    warehouse = ReferenceRun.copy("onco-e2e");
  }

  private static int nightly(String... extra) {
    List<String> args = new java.util.ArrayList<>(ReferenceRun.nightlyArgs(warehouse));
    args.addAll(List.of(extra));
    spark().catalog().clearCache();
    return OncoIndicators.run(args.toArray(String[]::new));
  }

  private static Map<TableId, Long> rowCounts() {
    Warehouse w = new Warehouse(spark(), warehouse);
    Map<TableId, Long> counts = new LinkedHashMap<>();
    for (TableId t : TableId.values()) {
      if (t != TableId.OPS_RUNS && w.exists(t)) {
        counts.put(t, w.read(t).count());
      }
    }
    return counts;
  }

  @Test
  void goldSurvivalHasNationalKaplanMeierRowsAtOneThreeAndFiveYears() {
    List<Row> rows = new Warehouse(spark(), warehouse).read(TableId.GOLD_SURVIVAL)
        .filter("center_id = 'ALL' AND cancer_group = 'stomach' AND estimator = 'observed_km' AND stratum = 'all' "
            + "AND approach = 'cohort'")
        .orderBy("horizon_years").collectAsList();
    assertEquals(List.of(1, 3, 5), rows.stream().map(r -> r.<Integer>getAs("horizon_years")).toList());
    double previous = 1.0;
    for (Row r : rows) {
      double s = r.getAs("estimate");
      assertTrue(s > 0 && s <= previous, "survival decreases with the horizon");
      assertTrue(r.<Double>getAs("ci_lower") < s && s < r.<Double>getAs("ci_upper"));
      assertEquals(RUN_DATE, r.getAs("run_id"));
      previous = s;
    }
  }

  @Test
  void allFourEstimatorsAndBothApproachesArePublished() {
    List<Row> rows = new Warehouse(spark(), warehouse).read(TableId.GOLD_SURVIVAL)
        .filter("center_id = 'ALL' AND stratum = 'all' AND horizon_years = 1")
        .select("approach", "estimator").distinct().orderBy("approach", "estimator").collectAsList();
    assertEquals(List.of("cohort/net_pohar_perme", "cohort/net_pohar_perme_agestd", "cohort/observed_km",
            "cohort/relative_ederer2", "period/net_pohar_perme", "period/net_pohar_perme_agestd", "period/observed_km",
            "period/relative_ederer2"),
        rows.stream().map(r -> r.getString(0) + "/" + r.getString(1)).toList());
    assertTrue(new Warehouse(spark(), warehouse).read(TableId.GOLD_SURVIVAL_CURVE)
        .filter("center_id = 'ALL' AND estimator = 'net_pohar_perme'").count() > 0);
  }

  @Test
  void everyInputRowIsAccountedFor() {
    Map<String, Map<String, Long>> bySource = new LinkedHashMap<>();
    for (Row r : new Warehouse(spark(), warehouse).read(TableId.OPS_DATA_QUALITY).collectAsList()) {
      bySource.computeIfAbsent(r.getAs("source"), k -> new LinkedHashMap<>())
          .merge(r.<String>getAs("outcome"), r.<Long>getAs("rows"), Long::sum);
    }
    for (Map<String, Long> outcomes : bySource.values()) {
      assertEquals(outcomes.get("read"), outcomes.get("accepted") + outcomes.getOrDefault("quarantined", 0L));
    }
    assertTrue(bySource.get("registry").getOrDefault("quarantined", 0L) > 0, "planted invalid rows are quarantined");
  }

  @Test
  void silverTumoursKeepEveryAcceptedTumourOnceWithItsId() {
    Warehouse w = new Warehouse(spark(), warehouse);
    Row r = w.read(TableId.SILVER_TUMOURS).selectExpr("count(*)", "count(DISTINCT tumor_id)", "count(tumor_id)",
        "sum(CASE WHEN charlson_index > 0 THEN 1 ELSE 0 END)").head();
    long bronze = w.read(TableId.BRONZE_REGISTRY).count();
    assertEquals(bronze, r.getLong(0));
    assertEquals(bronze, r.getLong(1), "tumour ids unique");
    assertEquals(bronze, r.getLong(2), "no tumour loses its id in the comorbidity join");
    assertTrue(r.getLong(3) > 0 && r.getLong(3) < bronze, "some, not all, tumours have comorbidity");
  }

  @Test
  void goldIndicatorsHaveEveryKindNationallyAndJoinGoldSurvival() {
    Warehouse w = new Warehouse(spark(), warehouse);
    w.registerAll();
    List<Row> national = spark().sql("SELECT indicator_id, observed, expected, oe_ratio, flag FROM gold.indicators "
        + "WHERE center_id = 'ALL' AND period = 'all' ORDER BY indicator_id").collectAsList();
    List<String> ids = national.stream().map(r -> r.<String>getAs("indicator_id")).toList();
    assertTrue(ids.containsAll(List.of("adjuvant_chemo_8w_colon", "postop_mortality_90d_stomach", "survival_5y_lung",
        "survival_5y_stomach", "treatment_within_30d_stomach")), ids.toString());
    for (Row r : national) {
      assertEquals(r.<Long>getAs("observed").doubleValue(), r.<Double>getAs("expected"), 1e-6,
          "a model with an intercept predicts the national total: " + r);
      assertTrue(r.isNullAt(r.fieldIndex("flag")), "the nation is not flagged");
    }
    assertTrue(spark().sql("SELECT * FROM gold.indicators WHERE indicator_id = 'resection_volume_stomach' "
        + "AND period RLIKE '^[0-9]{4}$' AND observed > 0").count() > 0, "volume per centre and year");
    long joined = spark().sql("SELECT i.center_id FROM gold.indicators i JOIN gold.survival s ON i.center_id = "
        + "s.center_id AND i.cancer_group = s.cancer_group AND i.run_id = s.run_id WHERE i.indicator_id = "
        + "'survival_5y_stomach' AND s.estimator = 'observed_km' AND s.stratum = 'all' AND s.approach = 'cohort' "
        + "AND s.horizon_years = 5").count();
    assertEquals(w.read(TableId.GOLD_INDICATORS).filter("indicator_id = 'survival_5y_stomach'").count(), joined,
        "every survival indicator row finds its gold.survival row");
    assertTrue(w.read(TableId.GOLD_MODEL_FIT).filter("term = '_model' AND model_status IS NOT NULL").count() >= 4);
  }

  @Test
  void indicatorCellsAddUpToTheCentreRows() {
    new Warehouse(spark(), warehouse).registerAll();
    List<Row> diff = spark().sql("SELECT i.indicator_id, i.center_id, i.n - c.n dn, i.observed - c.o do, "
        + "i.expected - c.e de FROM gold.indicators i JOIN (SELECT indicator_id, period, center_id, sum(n) n, "
        + "sum(observed) o, sum(expected) e FROM gold.indicator_cells GROUP BY indicator_id, period, center_id) c "
        + "ON i.indicator_id = c.indicator_id AND i.period = c.period AND i.center_id = c.center_id").collectAsList();
    long compared = spark().sql("SELECT * FROM gold.indicators WHERE center_id <> 'ALL' AND expected IS NOT NULL")
        .count();
    assertEquals(compared, diff.size(), "every compared centre row has cells");
    for (Row r : diff) {
      assertEquals(0L, r.<Long>getAs("dn"), r.toString());
      assertEquals(0L, r.<Long>getAs("do"), r.toString());
      assertEquals(0.0, r.<Double>getAs("de"), 1e-6, r.toString());
    }
  }

  @Test
  void flowTablesAreWrittenAndAgreeWithTheIndicators() {
    Warehouse w = new Warehouse(spark(), warehouse);
    w.registerAll();
    for (TableId t : List.of(TableId.GOLD_PATIENT_FLOWS, TableId.GOLD_CARE_NETWORK, TableId.GOLD_SPECIALISATION,
        TableId.GOLD_OUTCOMES_BY_TRAVEL, TableId.GOLD_NETWORK_OUTCOMES)) {
      assertTrue(w.read(t).filter("run_id = '" + RUN_DATE + "'").count() > 0, t.qualifiedName() + " has rows");
    }
    assertEquals(0, spark().sql("SELECT * FROM gold.network_outcomes n JOIN gold.indicators i ON n.network_id = "
        + "'ALL' AND i.center_id = 'ALL' AND n.indicator_id = i.indicator_id AND n.period = i.period "
        + "WHERE n.observed <> i.observed OR abs(n.expected - i.expected) > 1e-6").count(), "networks share the nation");
    assertEquals(0, spark().sql("SELECT a.indicator_id FROM gold.outcomes_by_travel a JOIN (SELECT indicator_id, "
        + "period, treated_in, sum(n) n, sum(observed) o FROM gold.outcomes_by_travel WHERE residence_region <> "
        + "'ALL_NON_CAPITAL' GROUP BY indicator_id, period, treated_in) r ON a.indicator_id = r.indicator_id AND "
        + "a.period = r.period AND a.treated_in = r.treated_in WHERE a.residence_region = 'ALL_NON_CAPITAL' AND "
        + "(a.n <> r.n OR a.observed <> r.o)").count(), "ALL_NON_CAPITAL sums the regions");
    Row retention = spark().sql("SELECT n, denominator FROM gold.care_network WHERE measure = 'retention' AND "
        + "network_id = 'ALL' AND cancer_group = 'all_sites'").head();
    assertTrue(retention.<Long>getAs("n") > 0 && retention.<Long>getAs("n") <= retention.<Long>getAs("denominator"));
    assertTrue(spark().sql("SELECT * FROM gold.care_network WHERE measure = 'membership' AND role = 'hub'").count() > 0);
    assertTrue(spark().sql("SELECT * FROM silver.care_paths WHERE follow_up_center_id IS NOT NULL").count() > 0,
        "follow-up centres are found in claims");
  }

  /** This warehouse is a copy of the reference run's, so after each rerun its tables hold the reference's rows. */
  @Test
  void rerunForTheSameDateChangesNoRowEvenWhenForced() {
    assertEquals(0, nightly());
    ReferenceRun.assertSameTables(warehouse, "a rerun for the same date");
    assertEquals(0, nightly("--force"));
    ReferenceRun.assertSameTables(warehouse, "a forced rerun for the same date");
  }

  @Test
  void queryPrintsCsvWithAHeaderOnStdout() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = OncoIndicators.run("query", "--warehouse", warehouse.toString(), "--format", "csv",
          "SELECT center_id, horizon_years, estimate FROM gold.survival WHERE center_id='ALL' AND cancer_group='lung' "
              + "AND stratum='all' AND approach='cohort' AND estimator='observed_km' ORDER BY horizon_years");
    } finally {
      System.setOut(original);
    }
    assertEquals(0, code);
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("center_id,horizon_years,estimate", lines.get(0));
    assertEquals(4, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(1).startsWith("ALL,1,0."));
  }

  @Test
  void badQueryExitsNonZeroWithOneLine() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = OncoIndicators.run("query", "--warehouse", warehouse.toString(), "SELECT * FROM gold.nope");
    } finally {
      System.setErr(original);
    }
    List<String> errors = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains(" WARN ")).toList();
    assertEquals(1, code);
    assertEquals(1, errors.size(), "one line: " + errors);
    assertTrue(errors.get(0).startsWith("error: bad query: [TABLE_OR_VIEW_NOT_FOUND]"), errors.get(0));
  }

  @Test
  void extractMissingARequiredColumnFailsTheRunAndChangesNoTable() throws IOException {
    Path bad = Files.createTempDirectory("onco-e2e-bad").resolve("bad_registry.csv");
    List<String> lines = Files.readAllLines(data.resolve("extracts/registry.csv"));
    Files.write(bad, lines.stream().map(l -> l.substring(l.indexOf(',') + 1)).toList());
    Warehouse w = new Warehouse(spark(), warehouse);
    long version = w.version(TableId.BRONZE_REGISTRY);
    Map<TableId, Long> before = rowCounts();
    Path x = data.resolve("extracts");
    int code = OncoIndicators.run("nightly", "--run-date", "2026-01-16", "--registry", bad.toString(),
        "--centers", x.resolve("centers.csv").toString(), "--warehouse", warehouse.toString());
    assertEquals(1, code);
    assertEquals(version, w.version(TableId.BRONZE_REGISTRY));
    assertEquals(before, rowCounts());
    assertEquals(1, w.read(TableId.OPS_RUNS).filter("run_id = '2026-01-16' AND status = 'failed'").count());
  }
}
