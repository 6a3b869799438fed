package org.oncoindicators.cohort;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.tables.TableId;

/** Silver: the analysed tumours, one row per registry tumour, from bronze registry and centres. */
public final class CohortStage implements Stage {
  @Override
  public String name() {
    return "cohort";
  }

  @Override
  public List<TableId> inputs() {
    return List.of(TableId.BRONZE_REGISTRY, TableId.BRONZE_CENTERS);
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.SILVER_TUMOURS);
  }

  @Override
  public StageResult run(StageContext ctx) {
    Dataset<Row> tumours = TumourCohort.build(ctx.warehouse().read(TableId.BRONZE_REGISTRY),
        ctx.warehouse().read(TableId.BRONZE_CENTERS), ctx.cancerGroups(), ctx.run().closingDate(), ctx.run().runId());
    ctx.warehouse().overwrite(TableId.SILVER_TUMOURS, tumours);
    Row counts = ctx.warehouse().read(TableId.SILVER_TUMOURS).agg(count(lit(1)), sum(col(TumourCohort.SURVIVAL_ELIGIBLE).cast("long"))).head();
    long rows = counts.getLong(0);
    long eligible = counts.isNullAt(1) ? 0 : counts.getLong(1);
    return new StageResult(rows, rows, 0, String.format("%,d eligible for survival, %,d excluded", eligible, rows - eligible));
  }
}
