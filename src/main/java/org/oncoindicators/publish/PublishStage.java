package org.oncoindicators.publish;

import java.nio.file.Path;
import java.util.List;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.tables.TableId;

/**
 * The last stage of the nightly run: publishes the run's gold tables, suppressed, with provenance
 * (CSV, JSON, data dictionary, charts, HTML report) into {@code <publication folder>/<run id>/},
 * and records every file in {@code gold.publication}.
 */
public final class PublishStage implements Stage {
  @Override
  public String name() {
    return "publish";
  }

  @Override
  public List<TableId> inputs() {
    return Publication.INPUTS;
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.GOLD_PUBLICATION);
  }

  @Override
  public StageResult run(StageContext ctx) {
    PipelineConfig config = ctx.config();
    Provenance p = new Provenance(ctx.run().runId(), ctx.run().runDate().toString(),
        Publication.currentVersions(ctx.warehouse()), ctx.run().configHash(), ctx.run().codeVersion(),
        new SuppressionRule(config.publication().minPatients(), config.publication().minEvents()));
    Path folder = config.publicationFolder().resolve(p.runId());
    List<Publication.WrittenFile> files = Publication.write(ctx.warehouse(), config, p, folder);
    PublicationLedger.record(ctx.warehouse(), p, folder.toString(), files);
    long rows = files.stream().filter(f -> f.file().endsWith(".csv") && f.rows() != null).mapToLong(f -> f.rows()).sum();
    Progress.line("publish  %d files in %s (open %s)", files.size(), folder, folder.resolve("index.html"));
    return new StageResult(rows, rows, 0, files.size() + " files in " + folder);
  }
}
