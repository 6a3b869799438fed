package org.oncoindicators.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.PatientDeletion;
import org.oncoindicators.ops.WarehouseLock;
import org.oncoindicators.pipeline.NightlyPipeline;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Honours a withdrawal of consent: deletes the patients from bronze and silver, remembers them (by
 * hash) so later extracts cannot bring them back, recomputes the run date's silver and gold tables
 * without them (but does not republish: publications made before stay as released and can no
 * longer be reproduced), and optionally purges the deleted rows' files at once (VACUUM).
 */
@Command(name = "forget", description = "Delete patients (by pseudonym) from every layer and recompute the run's "
    + "tables without them; --vacuum removes files past the retention.")
final class ForgetCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Spec
  CommandSpec spec;

  @Option(names = "--patient", description = "pseudonymous patient id (repeat for several)")
  List<String> patients = List.of();

  @Option(names = "--reason", description = "why, for the record in ops.deletions (e.g. a request number)")
  String reason;

  @Option(names = "--purge-now", description = "VACUUM every table with no retention at once: the deleted rows "
      + "leave the disk now, and time travel to earlier versions ends")
  boolean purgeNow;

  @Option(names = "--vacuum", description = "VACUUM every table with the configured retention (privacy.retention-hours)")
  boolean vacuum;

  @Override
  public Integer call() {
    if (patients.isEmpty() && !vacuum && !purgeNow) {
      throw new ParameterException(spec.commandLine(), "give --patient ID, or --vacuum / --purge-now");
    }
    PipelineConfig config = options.load();
    try (WarehouseLock lock = Session.lock(config)) {
      StageContext ctx = Session.open(config);
      if (!patients.isEmpty()) {
        PatientDeletion.Result r = PatientDeletion.forget(ctx.warehouse(), patients, reason);
        Progress.line("forget   deletion %s: rows deleted %s", r.deletionId(), r.rowsDeleted());
        NightlyPipeline pipeline = new NightlyPipeline(ctx);
        // publishing is a deliberate act: the run's publication stays as released, and can no longer be reproduced
        for (Stage stage : NightlyPipeline.STAGES.subList(1, NightlyPipeline.STAGES.size())) {
          if (!stage.name().equals("publish")) {
            pipeline.run(stage, true);
          }
        }
        Progress.line("forget   run %s recomputed without them; gold rows of earlier runs %s predate the deletion; "
            + "publications made before now cannot be reproduced: publish again with jobs/publish --run-date",
            config.runId(), r.earlierRuns());
      }
      if (purgeNow || vacuum) {
        double hours = purgeNow ? 0 : config.privacy().retentionHours();
        PatientDeletion.vacuum(ctx.warehouse(), hours);
        Progress.line("forget   VACUUM done (retention %.0f h): files of deleted rows older than that are gone", hours);
      }
    }
    return 0;
  }
}
