package org.oncoindicators.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.oncoindicators.cohort.TumourCohort;
import org.oncoindicators.survival.NetSurvival;
import org.oncoindicators.survival.SurvivalStage;
import org.oncoindicators.survival.SurvivalStrata;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;

/**
 * The benchmark's comparison with R: runs {@code bench/relsurv_bench.R} (relsurv::rs.surv,
 * Pohar-Perme and Ederer II, default precision, national per cancer group) on the run's eligible
 * tumours and national life table, and reports R's fitting time beside the survival stage's wall
 * time, and the largest difference between R's estimates and gold.survival's national ones.
 * Skipped, saying so, when Rscript or relsurv is not installed.
 */
public final class RelsurvComparison {
  /** What R took and how far the estimates are apart. */
  public record Result(long tumours, double rPoharPermeSeconds, double rEderer2Seconds, long compared,
                       double maxEstimateDifference, double maxStdErrorDifference) {
    public double rSeconds() {
      return rPoharPermeSeconds + rEderer2Seconds;
    }
  }

  private static final Pattern TOTAL = Pattern.compile("TOTAL (pohar-perme|ederer2) seconds: ([0-9.]+)");

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Path script;

  public RelsurvComparison(SparkSession spark, Warehouse warehouse, Path script) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.script = script;
  }

  /** Whether Rscript runs and loads relsurv. */
  public static boolean available() {
    try {
      Process p = new ProcessBuilder("Rscript", "-e", "suppressMessages(library(relsurv))")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Exports the inputs under {@code work}, runs R and compares.
   *
   * @return empty when the run's life table carries no national qx (R's ratetable is built from qx)
   */
  public Optional<Result> run(Path work, String runId) throws IOException, InterruptedException {
    Files.createDirectories(work);
    Dataset<Row> lifeTable = warehouse.read(TableId.BRONZE_LIFE_TABLE)
        .filter(col("region").isNull().and(col("qx").isNotNull())).select("year", "age", "sex", "qx");
    if (lifeTable.isEmpty()) {
      return Optional.empty();
    }
    Path tumours = csv(warehouse.read(TableId.SILVER_TUMOURS).filter(col(TumourCohort.SURVIVAL_ELIGIBLE))
        .select("tumor_id", "cancer_group", "sex", "age_at_diagnosis", "diagnosis_date", TumourCohort.TIME_DAYS,
            TumourCohort.EVENT), work.resolve("tumours"));
    Path life = csv(lifeTable.orderBy("year", "sex", "age"), work.resolve("lifetable"));
    Path estimates = work.resolve("relsurv-estimates.csv");
    Path log = work.resolve("relsurv.log");
    Process p = new ProcessBuilder("Rscript", script.toString(), tumours.toString(), life.toString(),
        estimates.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (p.waitFor() != 0) {
      throw new IOException("Rscript " + script + " failed (exit " + p.exitValue() + "); see " + log);
    }
    double pp = 0;
    double e2 = 0;
    Matcher m = TOTAL.matcher(Files.readString(log, StandardCharsets.UTF_8));
    while (m.find()) {
      if (m.group(1).equals("pohar-perme")) {
        pp = Double.parseDouble(m.group(2));
      } else {
        e2 = Double.parseDouble(m.group(2));
      }
    }
    Row agreement = agreement(estimates, runId);
    long n = warehouse.read(TableId.SILVER_TUMOURS).filter(col(TumourCohort.SURVIVAL_ELIGIBLE)).count();
    return Optional.of(new Result(n, pp, e2, agreement.getLong(0), agreement.isNullAt(1) ? Double.NaN : agreement.getDouble(1),
        agreement.isNullAt(2) ? Double.NaN : agreement.getDouble(2)));
  }

  /** (rows compared, max |Δ estimate|, max |Δ SE|) between R and gold.survival's national cohort estimates. */
  private Row agreement(Path estimates, String runId) {
    Dataset<Row> r = spark.read().option("header", "true").option("inferSchema", "true").option("nullValue", "NA")
        .csv(estimates.toString())
        .withColumn("estimator", when(col("method").equalTo("pohar-perme"), lit(NetSurvival.POHAR_PERME))
            .otherwise(lit(NetSurvival.EDERER2)))
        .filter(col("estimate").isNotNull());
    Dataset<Row> gold = warehouse.read(TableId.GOLD_SURVIVAL).filter(col("run_id").equalTo(runId)
            .and(col("center_id").equalTo(SurvivalStage.ALL_CENTERS)).and(col("stratum").equalTo(SurvivalStrata.ALL))
            .and(col("approach").equalTo("cohort")).and(col("status").equalTo("ok")))
        .select(col("cancer_group").as("g_group"), col("estimator").as("g_estimator"),
            col("horizon_years").as("g_horizon"), col("estimate").as("g_estimate"), col("std_error").as("g_se"));
    return r.join(gold, col("cancer_group").equalTo(col("g_group")).and(col("estimator").equalTo(col("g_estimator")))
            .and(col("horizon_years").equalTo(col("g_horizon"))))
        .agg(count(lit(1)), max(abs(col("estimate").minus(col("g_estimate")))),
            max(abs(col("std_err").minus(col("g_se"))))).head();
  }

  /** One CSV file with a header (R reads a file, not a folder of parts). */
  private static Path csv(Dataset<Row> rows, Path folder) throws IOException {
    rows.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").option("dateFormat", "yyyy-MM-dd")
        .csv(folder.toString());
    try (var files = Files.list(folder)) {
      List<Path> parts = files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList();
      if (parts.size() != 1) {
        throw new IOException("expected one CSV part in " + folder + ", found " + parts.size());
      }
      return parts.get(0);
    }
  }

  /**
   * The summary lines printed by jobs/bench: the whole stage against R, and the estimators alone on
   * R's scope, their first run and the median of {@code alone}'s runs.
   */
  public static String summary(Result r, double survivalStageSeconds, List<EstimatorTiming.Result> alone) {
    EstimatorTiming.Result first = alone.get(0);
    double median = EstimatorTiming.medianSeconds(alone);
    return String.format(Locale.ROOT, "R relsurv::rs.surv on the same %,d eligible tumours "
            + "(national, per cancer group; R drops day-0 records itself): "
            + "Pohar-Perme %.1f s + Ederer II %.1f s = %.1f s; agreement over %d national estimates: "
            + "max |diff| estimate %.1e, SE %.1e%n"
            + "  survival stage %.1f s (KM, Ederer II, Pohar-Perme, age-standardised; per centre and national, "
            + "every stratum, cohort and period, curves, Delta writes): R / stage = %.2f, R Pohar-Perme / stage = %.2f%n"
            + "  estimators alone on R's scope (national, per cancer group, cohort, stratum all and age groups; "
            + "the same four estimators, %,d horizon and %,d curve rows, no writes), %d runs in this JVM:%n"
            + "    first run %.2f s: R / estimators = %.2f, R Pohar-Perme / estimators = %.2f%n"
            + "    median    %.2f s: R / estimators = %.2f, R Pohar-Perme / estimators = %.2f",
        r.tumours(), r.rPoharPermeSeconds(), r.rEderer2Seconds(), r.rSeconds(), r.compared(), r.maxEstimateDifference(),
        r.maxStdErrorDifference(), survivalStageSeconds, r.rSeconds() / survivalStageSeconds,
        r.rPoharPermeSeconds() / survivalStageSeconds, first.horizonRows(), first.curveRows(), alone.size(),
        first.seconds(), r.rSeconds() / first.seconds(), r.rPoharPermeSeconds() / first.seconds(),
        median, r.rSeconds() / median, r.rPoharPermeSeconds() / median);
  }
}
