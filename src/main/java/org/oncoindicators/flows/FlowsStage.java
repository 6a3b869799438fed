package org.oncoindicators.flows;

import static org.apache.spark.sql.functions.col;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.cohort.TumourCohort;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.terminology.ReferenceTable;

/**
 * Gold patient flows from the analysed tumours: residence × treating region and centre,
 * self-sufficiency, capital-area outflow and international patients. The regions and which of
 * them form the capital area come from the regions reference table ({@code capital_area = 1}).
 */
public final class FlowsStage implements Stage {
  @Override
  public String name() {
    return "flows";
  }

  @Override
  public List<TableId> inputs() {
    return List.of(TableId.SILVER_TUMOURS);
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.GOLD_PATIENT_FLOWS);
  }

  @Override
  public StageResult run(StageContext ctx) {
    Set<String> regions = new HashSet<>();
    Set<String> capital = new HashSet<>();
    ReferenceTable.forEachRecord(ctx.config().reference().regions(),
        "regions (columns iso_3166_2, capital_area)", r -> {
          regions.add(r.getString("iso_3166_2"));
          if ("1".equals(r.getString("capital_area"))) {
            capital.add(r.getString("iso_3166_2"));
          }
        });
    Dataset<Row> tumours = ctx.warehouse().read(TableId.SILVER_TUMOURS).filter(col(TumourCohort.SURVIVAL_ELIGIBLE));
    String runId = ctx.run().runId();
    ctx.warehouse().replaceRun(TableId.GOLD_PATIENT_FLOWS, PatientFlows.build(tumours, regions, capital, runId), runId);
    long rows = ctx.warehouse().read(TableId.GOLD_PATIENT_FLOWS).filter(col("run_id").equalTo(runId)).count();
    return new StageResult(tumours.count(), rows, 0, "capital area " + new java.util.TreeSet<>(capital));
  }
}
