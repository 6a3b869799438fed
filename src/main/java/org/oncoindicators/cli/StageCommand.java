package org.oncoindicators.cli;

import java.util.concurrent.Callable;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.WarehouseLock;
import org.oncoindicators.pipeline.NightlyPipeline;
import org.oncoindicators.pipeline.StageContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Runs one stage on its own (always, even if it completed before), reading the tables the earlier stages left. */
@Command(name = "stage", description = "Run one stage: ingest, cohort, quality, survival, indicators, flows or publish.")
final class StageCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Parameters(index = "0", description = "the stage to run: ingest, cohort, quality, survival, indicators, flows, publish")
  String stage;

  @Override
  public Integer call() {
    PipelineConfig config = options.load();
    try (WarehouseLock lock = Session.lock(config)) {
      StageContext ctx = Session.open(config);
      new NightlyPipeline(ctx).run(NightlyPipeline.stage(stage), true);
    }
    return 0;
  }
}
