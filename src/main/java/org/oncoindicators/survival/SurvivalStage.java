package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.cohort.TumourCohort;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.terminology.CancerGroups;

/**
 * Gold survival: observed (Kaplan–Meier) survival at the configured horizons per centre × cancer
 * group and nationally ({@code center_id = 'ALL'}), in the long form of {@code gold.survival}.
 */
public final class SurvivalStage implements Stage {
  public static final String ALL_CENTERS = "ALL";

  @Override
  public String name() {
    return "survival";
  }

  @Override
  public List<TableId> inputs() {
    return List.of(TableId.SILVER_TUMOURS);
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.GOLD_SURVIVAL);
  }

  @Override
  public StageResult run(StageContext ctx) {
    Dataset<Row> eligible = ctx.warehouse().read(TableId.SILVER_TUMOURS).filter(col(TumourCohort.SURVIVAL_ELIGIBLE));
    Dataset<Row> survival = observed(eligible, ctx.config().survival().horizonsYears(), ctx.config().daysPerYear(),
        new ConfidenceInterval(ctx.config().survival().confType(), ctx.config().survival().confLevel()), ctx.run().runId());
    ctx.warehouse().replaceRun(TableId.GOLD_SURVIVAL, survival, ctx.run().runId());
    long rows = ctx.warehouse().read(TableId.GOLD_SURVIVAL).filter(col("run_id").equalTo(ctx.run().runId())).count();
    return new StageResult(eligible.count(), rows, 0, "");
  }

  /** Observed KM rows per centre × cancer group plus the national rows, stratum {@code all}, cohort approach. */
  public static Dataset<Row> observed(Dataset<Row> tumours, List<Integer> horizons, double daysPerYear,
                                      ConfidenceInterval ci, String runId) {
    Dataset<Row> in = tumours.select(col("center_id"), col(CancerGroups.CANCER_GROUP), col(TumourCohort.TIME_DAYS),
        col(TumourCohort.EVENT));
    Dataset<Row> withNational = in.unionByName(in.withColumn("center_id", lit(ALL_CENTERS)));
    Dataset<Row> km = KaplanMeier.atHorizons(withNational, List.of("center_id", CancerGroups.CANCER_GROUP), horizons,
        daysPerYear, ci);
    return km.select(col("center_id"), col(CancerGroups.CANCER_GROUP), lit("all").as("stratum"),
        lit("cohort").as("approach"), lit("observed_km").as("estimator"), col("horizon_years"), col("estimate"),
        col("std_error"), col("ci_lower"), col("ci_upper"), col("n_patients"), col("n_events"), col("status"),
        lit(runId).as("run_id"));
  }
}
