package org.oncoindicators.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.WarehouseLock;
import org.oncoindicators.pipeline.NightlyPipeline;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.synth.GeneratorSettings;
import org.oncoindicators.synth.SyntheticExtracts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs every stage in order for one run date; with no input named, the embedded demo. */
@Command(name = "nightly", description = "Run the whole pipeline for a run date (the demo when no input is named).")
final class NightlyCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Option(names = "--force", description = "rerun stages that already completed for this run date")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PipelineConfig config = options.load();
    if (config.isDemo()) {
      ensureDemoData(config);
    }
    long t0 = System.nanoTime();
    try (WarehouseLock lock = Session.lock(config)) {
      StageContext ctx = Session.open(config);
      Progress.line("run %s (closing date %s, config %s) into %s", config.runId(), config.closingDate(),
          config.configHash(), config.warehouse());
      new NightlyPipeline(ctx).runAll(force);
      Progress.line("run %s finished in %.1f s", config.runId(), (System.nanoTime() - t0) / 1e9);
      new TableSummary(ctx.warehouse()).print(System.out);
      Path report = config.publicationFolder().resolve(config.runId()).resolve("index.html");
      if (Files.exists(report)) {
        System.out.printf("%nPublication (CSV, JSON, charts, HTML report): %s%n  open %s%n", report.getParent(), report);
      }
    }
    return 0;
  }

  private static void ensureDemoData(PipelineConfig config) throws IOException {
    PipelineConfig.Demo demo = config.demo();
    if (Files.exists(demo.out().resolve("registry.csv"))) {
      Progress.line("demo: using the synthetic extracts in %s", demo.out());
      return;
    }
    Progress.line("demo: generating %,d synthetic patients over %d centres into %s", demo.patients(), demo.centers(),
        demo.out());
    SyntheticExtracts.write(new GeneratorSettings(demo.out(), demo.patients(), demo.centers(), demo.seed(),
        demo.asOf(), OncoIndicators.home().resolve("conf")));
  }
}
