package org.oncoindicators.pipeline;

import java.util.List;
import org.oncoindicators.cohort.CohortStage;
import org.oncoindicators.cohort.QualityStage;
import org.oncoindicators.flows.FlowsStage;
import org.oncoindicators.indicators.IndicatorStage;
import org.oncoindicators.ingest.IngestStage;
import org.oncoindicators.ops.FaultInjection;
import org.oncoindicators.ops.RunLedger;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.publish.PublishStage;
import org.oncoindicators.survival.SurvivalStage;

/**
 * Runs the stages in order for one run date. A stage that already succeeded for this run id and
 * configuration is skipped (so a rerun changes nothing and a crashed run resumes where it
 * stopped) unless forced; every attempt is recorded in {@code ops.runs}.
 */
public final class NightlyPipeline {
  public static final List<Stage> STAGES = List.of(new IngestStage(), new CohortStage(), new QualityStage(),
      new SurvivalStage(), new IndicatorStage(), new FlowsStage(), new PublishStage());

  private final StageContext context;
  private final RunLedger ledger;

  public NightlyPipeline(StageContext context) {
    this.context = context;
    this.ledger = new RunLedger(context.spark(), context.warehouse(), context.run());
  }

  public void runAll(boolean force) {
    for (Stage stage : STAGES) {
      run(stage, force);
    }
  }

  public static Stage stage(String name) {
    return STAGES.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no stage '" + name + "'; stages: "
            + STAGES.stream().map(Stage::name).toList()));
  }

  /** Runs (or skips) one stage; returns its result, or null when it was skipped. */
  public StageResult run(Stage stage, boolean force) {
    if (!force && ledger.succeeded(stage.name())) {
      Progress.line("%-8s skipped: completed earlier for run %s (use --force to rerun)", stage.name(),
          context.run().runId());
      ledger.skip(stage.name(), "completed in an earlier attempt");
      return null;
    }
    Progress.line("%-8s started", stage.name());
    long t0 = System.nanoTime();
    RunLedger.Attempt attempt = ledger.start(stage.name(), stage.inputs());
    StageResult result;
    try {
      result = stage.run(context);
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes but thrown unchecked
      ledger.fail(attempt, e.getMessage());
      Progress.line("%-8s failed after %.1f s", stage.name(), (System.nanoTime() - t0) / 1e9);
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    FaultInjection.point("finished:" + stage.name());
    ledger.finish(attempt, "succeeded", result, stage.outputs());
    Progress.line("%-8s done in %.1f s: %,d rows in, %,d rows out, %,d quarantined%s", stage.name(),
        (System.nanoTime() - t0) / 1e9, result.rowsIn(), result.rowsOut(), result.rowsQuarantined(),
        result.message() == null || result.message().isEmpty() ? "" : " — " + result.message());
    return result;
  }
}
