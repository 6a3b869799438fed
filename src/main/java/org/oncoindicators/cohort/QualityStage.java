package org.oncoindicators.cohort;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.tables.TableId;

/** Gold registry quality: the data-quality indicators registries publish beside their survival figures. */
public final class QualityStage implements Stage {
  @Override
  public String name() {
    return "quality";
  }

  @Override
  public List<TableId> inputs() {
    return List.of(TableId.SILVER_TUMOURS);
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.GOLD_REGISTRY_QUALITY);
  }

  @Override
  public StageResult run(StageContext ctx) {
    Dataset<Row> tumours = ctx.warehouse().read(TableId.SILVER_TUMOURS);
    ctx.warehouse().replaceRun(TableId.GOLD_REGISTRY_QUALITY, RegistryQuality.indicators(tumours,
        ctx.run().closingDate(), ctx.config().followUpToleranceDays(), ctx.run().runId()), ctx.run().runId());
    long rows = ctx.warehouse().rowsOfRun(TableId.GOLD_REGISTRY_QUALITY, ctx.run().runId());
    return new StageResult(tumours.count(), rows, 0, "");
  }
}
