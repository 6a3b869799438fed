package org.oncoindicators.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.WarehouseLock;
import org.oncoindicators.pipeline.NightlyPipeline;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.publish.Reproduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Publishes a run (the nightly's last stage on its own), or reproduces a past publication by time
 * travel and checks that every file is byte-for-byte the original.
 */
@Command(name = "publish", description = "Write the run's publication set (CSV, JSON, charts, HTML report), or "
    + "--reproduce RUN_ID: write a past publication again from the table versions it read and compare the bytes.")
final class PublishCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Option(names = "--reproduce", paramLabel = "RUN_ID", description = "reproduce the publication of this run")
  String reproduce;

  @Option(names = "--out", description = "folder of the reproduction (default: <publication folder>/<RUN_ID>.reproduced)")
  Path out;

  @Override
  public Integer call() {
    PipelineConfig config = options.load();
    try (WarehouseLock lock = Session.lock(config)) {
      StageContext ctx = Session.open(config);
      if (reproduce == null) {
        new NightlyPipeline(ctx).run(NightlyPipeline.stage("publish"), true);
        return 0;
      }
      Path folder = out != null ? out : config.publicationFolder().resolve(reproduce + ".reproduced");
      Reproduction.Result r = Reproduction.run(ctx.warehouse(), config, reproduce, folder);
      if (r.differing().isEmpty()) {
        Progress.line("publish  reproduced run %s: %d files in %s, every one identical to the original (SHA-256)",
            reproduce, r.files(), r.folder());
        System.out.println(r.folder());
        return 0;
      }
      Progress.line("publish  reproduced run %s into %s, but %d files differ from the original: %s", reproduce,
          r.folder(), r.differing().size(), r.differing());
      return 1;
    }
  }
}
