package org.oncoindicators.cohort;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.spark.Seqs;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.terminology.ProcedureGroups;

/**
 * Silver: the analysed tumours (one row per registry tumour, with the Charlson index from claims)
 * and their treatment episodes, from bronze registry, centres and claims.
 */
public final class CohortStage implements Stage {
  @Override
  public String name() {
    return "cohort";
  }

  @Override
  public List<TableId> inputs() {
    return List.of(TableId.BRONZE_REGISTRY, TableId.BRONZE_CENTERS, TableId.BRONZE_CLAIMS);
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.SILVER_TUMOURS, TableId.SILVER_TREATMENT_EPISODES, TableId.SILVER_CARE_PATHS);
  }

  /** Writes the claims-based table, or empties it when this run has no claims (no stale rows survive). */
  private static void overwriteOrEmpty(StageContext ctx, TableId table, Dataset<Row> rows) {
    if (rows != null) {
      ctx.warehouse().overwrite(table, rows);
    } else if (ctx.warehouse().exists(table)) {
      ctx.warehouse().overwrite(table, ctx.warehouse().read(table).limit(0));
    }
  }

  @Override
  public StageResult run(StageContext ctx) {
    PipelineConfig config = ctx.config();
    Dataset<Row> tumours = TumourCohort.build(ctx.warehouse().read(TableId.BRONZE_REGISTRY),
        ctx.warehouse().read(TableId.BRONZE_CENTERS), ctx.terminology(), ctx.run().closingDate(), ctx.run().runId())
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> cached = new ArrayList<>(List.of(tumours));
    Dataset<Row> episodes = null;
    Dataset<Row> carePaths = null;
    if (config.hasClaims()) {
      Dataset<Row> claims = ctx.warehouse().read(TableId.BRONZE_CLAIMS);
      PipelineConfig.Cohort c = config.cohort();
      // Both are read twice (charlson: tumours and their count; episodes: their table and the care
      // paths) and each costs a pass over every claim line: cached, they are computed once.
      Dataset<Row> charlson = CharlsonIndex.load(config.reference().charlson(), "weight_" + c.charlsonWeights())
          .compute(tumours, claims, c.comorbidityLookbackDays(), ctx.spark()).persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(charlson);
      episodes = TreatmentEpisodes.build(ProcedureGroups.load(config.reference().procedureGroups())
          .assign(claims, ctx.spark()), tumours, c.treatmentDaysBefore(), c.treatmentDaysAfter(), ctx.run().runId())
          .persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(episodes);
      carePaths = CarePaths.build(tumours, claims, episodes, c.carePathDaysBefore(), c.treatmentDaysAfter(),
          c.followUpAfterDays(), ctx.run().runId());
      // a USING join: charlson derives from tumours, so tumours.col/charlson.col would name one attribute
      tumours = tumours.join(charlson, Seqs.of("tumor_id"), "left")
          .withColumn("charlson_index", coalesce(col("charlson_index"), lit(0)));
    } else {
      Progress.line("cohort   no claims: no Charlson index, treatment episodes or care paths");
      tumours = tumours.withColumn("charlson_index", lit(null).cast(DataTypes.IntegerType))
          .withColumn("charlson_conditions", lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)));
    }
    ctx.warehouse().overwrite(TableId.SILVER_TUMOURS, tumours);
    overwriteOrEmpty(ctx, TableId.SILVER_TREATMENT_EPISODES, episodes);
    overwriteOrEmpty(ctx, TableId.SILVER_CARE_PATHS, carePaths);
    Row counts = ctx.warehouse().read(TableId.SILVER_TUMOURS).agg(count(lit(1)),
        sum(col(TumourCohort.SURVIVAL_ELIGIBLE).cast("long"))).head();
    long rows = counts.getLong(0);
    long eligible = counts.isNullAt(1) ? 0 : counts.getLong(1);
    long episodeRows = episodes == null ? 0 : ctx.warehouse().rowsWritten(TableId.SILVER_TREATMENT_EPISODES);
    cached.forEach(Dataset::unpersist);
    return new StageResult(rows, rows, 0, String.format("%,d eligible for survival, %,d excluded; %,d treatment episode lines",
        eligible, rows - eligible, episodeRows));
  }
}
