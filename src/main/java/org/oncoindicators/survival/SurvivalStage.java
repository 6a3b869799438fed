package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.oncoindicators.cohort.TumourCohort;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.terminology.CancerGroups;

/**
 * Gold survival: observed (Kaplan–Meier), relative (Ederer II), net (Pohar-Perme) and
 * age-standardised net survival at the configured horizons, per centre × cancer group and
 * nationally ({@code center_id = 'ALL'}), per stratum and approach, into {@code gold.survival};
 * the curves for plots into {@code gold.survival_curve}. Without a life table only observed
 * survival is estimated, and the run log says so.
 */
public final class SurvivalStage implements Stage {
  public static final String ALL_CENTERS = NetSurvival.ALL_CENTERS;
  static final List<String> GOLD_COLUMNS = List.of("center_id", "cancer_group", "stratum", "approach", "estimator",
      "horizon_years", "estimate", "std_error", "ci_lower", "ci_upper", "n_patients", "n_events", "status", "run_id");
  static final List<String> CURVE_COLUMNS = List.of("center_id", "cancer_group", "stratum", "approach", "estimator",
      "time_days", "estimate", "std_error", "ci_lower", "ci_upper", "n_events", "run_id");

  @Override
  public String name() {
    return "survival";
  }

  @Override
  public List<TableId> inputs() {
    return List.of(TableId.SILVER_TUMOURS, TableId.BRONZE_LIFE_TABLE);
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.GOLD_SURVIVAL, TableId.GOLD_SURVIVAL_CURVE);
  }

  @Override
  public StageResult run(StageContext ctx) {
    PipelineConfig config = ctx.config();
    PipelineConfig.Survival s = config.survival();
    SurvivalStrata.validate(s.strata());
    String runId = ctx.run().runId();
    Dataset<Row> tumours = levels(ctx.warehouse().read(TableId.SILVER_TUMOURS)
        .filter(col(TumourCohort.SURVIVAL_ELIGIBLE)), s.strata(), true);
    String message = "";
    Optional<PopulationHazards> hazards = Optional.empty();
    if (config.input("life-table").isPresent()) {
      hazards = Optional.of(hazards(ctx));
    } else {
      message = "no life table: relative and net survival not estimated";
      Progress.line("survival %s", message);
    }
    Estimates estimates = estimate(tumours, s, config.closingDate(), config.daysPerYear(), hazards, icssWeights(ctx));
    ctx.warehouse().replaceRun(TableId.GOLD_SURVIVAL, estimates.rows(runId), runId);
    ctx.warehouse().replaceRun(TableId.GOLD_SURVIVAL_CURVE, estimates.curves(runId), runId);
    long in = tumours.count();
    long out = ctx.warehouse().rowsOfRun(TableId.GOLD_SURVIVAL, runId);
    estimates.release();
    return new StageResult(in, out, 0, message);
  }

  /**
   * The estimates in gold form, not yet written: horizon rows and curve rows, and the frames
   * persisted while computing them ({@link #release()} drops them once the rows are written).
   */
  public record Estimates(List<Dataset<Row>> horizonParts, List<Dataset<Row>> curveParts, List<Dataset<Row>> persisted) {
    /** gold.survival rows of this run. */
    public Dataset<Row> rows(String runId) {
      return union(horizonParts, GOLD_COLUMNS, runId);
    }

    /** gold.survival_curve rows of this run. */
    public Dataset<Row> curves(String runId) {
      return union(curveParts, CURVE_COLUMNS, runId);
    }

    public void release() {
      persisted.forEach(Dataset::unpersist);
    }
  }

  /**
   * Every estimator on tumours as {@link #levels} gives them: observed (Kaplan–Meier) always;
   * Ederer II, Pohar-Perme and the age-standardised Pohar-Perme when a life table is given. A pure
   * function of its inputs, so the benchmark can time the estimators alone on R's scope.
   *
   * @param icssWeights cancer group → age group → weight, see {@link IcssWeights}
   */
  public static Estimates estimate(Dataset<Row> levels, PipelineConfig.Survival s, LocalDate closingDate,
                                   double daysPerYear, Optional<PopulationHazards> hazards,
                                   Map<String, Map<String, Double>> icssWeights) {
    LocalDate windowStart = closingDate.minusYears(s.periodYears()).plusDays(1);
    ConfidenceInterval km = new ConfidenceInterval(s.confType(), s.confLevel());
    NetSurvivalSettings settings = new NetSurvivalSettings(s.horizonsYears(), daysPerYear, s.approaches(), windowStart,
        s.curveStepDays());
    // one pass: observed survival always, relative, net and age-standardised net with the life table
    Dataset<Row> all = NetSurvival.estimate(levels, hazards, settings, icssWeights)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Column observed = col("estimator").equalTo(NetSurvival.OBSERVED);
    Column atHorizon = col("horizon_years").isNotNull();
    List<Dataset<Row>> rows = new ArrayList<>(List.of(finish(all.filter(observed.and(atHorizon)), km)));
    List<Dataset<Row>> curves = new ArrayList<>(List.of(finish(all.filter(observed.and(not(atHorizon))), km)));
    if (hazards.isPresent()) {
      Dataset<Row> net = all.filter(not(observed));
      ConfidenceInterval uncapped = km.uncapped();
      Dataset<Row> atHorizons = finish(net.filter(atHorizon), uncapped);
      boolean ageGroupsPublished = s.strata().contains(SurvivalStrata.AGE_GROUP);
      rows.add(ageGroupsPublished ? atHorizons
          : atHorizons.filter(col("stratum").startsWith(SurvivalStrata.AGE_GROUP + "=").unary_$bang()));
      curves.add(finish(net.filter(not(atHorizon)), uncapped));
    }
    return new Estimates(rows, curves, List.of(all));
  }

  /**
   * Each tumour once with its stratum labels (age group always: the age-standardised estimate
   * needs it) and its centre when {@code withCentres} (else null: national estimates only); the
   * estimators count every tumour nationally and under its centre.
   */
  public static Dataset<Row> levels(Dataset<Row> eligible, List<String> strata, boolean withCentres) {
    List<String> withAge = new ArrayList<>(strata);
    if (!withAge.contains(SurvivalStrata.AGE_GROUP)) {
      withAge.add(SurvivalStrata.AGE_GROUP);
    }
    Dataset<Row> t = eligible.withColumn("strata", SurvivalStrata.labels(withAge))
        .select(col("center_id"), col(CancerGroups.CANCER_GROUP), col("strata"), col(TumourCohort.TIME_DAYS),
            col(TumourCohort.EVENT), col("sex"), col("age_at_diagnosis"), col("diagnosis_date"),
            col("residence_region"));
    return withCentres ? t : t.withColumn("center_id", lit(null).cast("string"));
  }

  /** The run's ICSS weights per cancer group and age group, as configured (survival.icss-*). */
  public static Map<String, Map<String, Double>> icssWeights(StageContext ctx) {
    PipelineConfig.Survival s = ctx.config().survival();
    return IcssWeights.load(ctx.config().reference().icssWeights()).forGroups(
        new HashSet<>(ctx.terminology().cancerGroups().groups()), s.icssDefault(), s.icssByGroup());
  }

  /** The population hazards of the run's bronze life table. */
  public static PopulationHazards hazards(StageContext ctx) {
    PopulationHazards hazards = PopulationHazards.fromRows(
        ctx.warehouse().read(TableId.BRONZE_LIFE_TABLE).collectAsList(), ctx.config().daysPerYear());
    Progress.line("survival life table years %d-%d (earlier years use the first, later the last)",
        hazards.forRegion(null).firstYear(), hazards.forRegion(null).lastYear());
    return hazards;
  }

  /** Engine rows to gold form: SE of S, confidence limits from the SE of log S, and status. */
  static Dataset<Row> finish(Dataset<Row> net, ConfidenceInterval ci) {
    Column ok = col("estimable");
    return net.select(col("center_id"), col(CancerGroups.CANCER_GROUP), col("stratum"), col("approach"),
        col("estimator"), col("horizon_years"), col("time_days"),
        when(ok, col("estimate")).as("estimate"), when(ok, col("estimate").multiply(col("log_se"))).as("std_error"),
        when(ok, ci.lower(col("estimate"), col("log_se"))).as("ci_lower"),
        when(ok, ci.upper(col("estimate"), col("log_se"))).as("ci_upper"),
        col("n_patients"), col("n_events"), when(ok, lit("ok")).otherwise(lit("not_estimable")).as("status"));
  }

  private static Dataset<Row> union(List<Dataset<Row>> parts, List<String> columns, String runId) {
    Column[] cols = columns.stream().map(c -> c.equals("run_id") ? lit(runId).as("run_id") : col(c)).toArray(Column[]::new);
    return parts.stream().map(p -> p.select(cols)).reduce(Dataset::unionByName).orElseThrow();
  }
}
