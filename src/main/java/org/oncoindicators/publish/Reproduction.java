package org.oncoindicators.publish;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;

/**
 * Reproduces a past publication exactly: reads the gold tables at the Delta versions its
 * provenance names (time travel) and writes the set again with the recorded run, configuration
 * hash, code version and thresholds, then compares every file's SHA-256 with the original's.
 * Refuses when a patient was deleted on request after the publication was made: its inputs held
 * that patient's data, which must not be brought back.
 */
public final class Reproduction {
  /** What a reproduction wrote and which files differ from the original (none when exact). */
  public record Result(Path folder, int files, List<String> differing) {}

  private Reproduction() {}

  public static Result run(Warehouse warehouse, PipelineConfig config, String runId, Path folder) {
    PublicationLedger.Entry original = PublicationLedger.find(warehouse, runId);
    if (original == null) {
      throw new ConfigError("run " + runId + " has no publication in gold.publication: publish it first "
          + "(jobs/publish --run-date " + runId + ")");
    }
    refuseAfterDeletion(warehouse, runId, original);
    if (!original.provenance().configHash().equals(config.configHash())) {
      Progress.line("publish  note: configuration %s differs from the publication's %s; the report's settings come "
          + "from the current configuration, so its pages may differ", config.configHash(),
          original.provenance().configHash());
    }
    List<Publication.WrittenFile> files;
    try {
      files = Publication.write(warehouse, config, original.provenance(), folder);
    } catch (RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("Cannot time travel") || m.contains("FILE_NOT_EXIST") || m.contains("VersionNotFound")) {
        throw new ConfigError("cannot reproduce run " + runId + ": the table versions it read "
            + original.provenance().inputVersionsJson() + " are no longer readable (VACUUM removes files past "
            + "privacy.retention-hours): " + m.lines().findFirst().orElse(""), e);
      }
      throw e;
    }
    Map<String, String> now = new TreeMap<>();
    files.forEach(f -> now.put(f.file(), f.sha256()));
    List<String> differing = original.sha256().keySet().stream()
        .filter(f -> !original.sha256().get(f).equals(now.get(f))).toList();
    List<String> extra = now.keySet().stream().filter(f -> !original.sha256().containsKey(f)).toList();
    return new Result(folder, files.size(), java.util.stream.Stream.concat(differing.stream(), extra.stream()).toList());
  }

  private static void refuseAfterDeletion(Warehouse warehouse, String runId, PublicationLedger.Entry original) {
    if (!warehouse.exists(TableId.OPS_DELETIONS)) {
      return;
    }
    List<Row> later = warehouse.read(TableId.OPS_DELETIONS)
        .filter(col("requested_at").gt(Timestamp.from(original.publishedAt()))).orderBy("requested_at").collectAsList();
    if (!later.isEmpty()) {
      Row first = later.get(0);
      throw new ConfigError("refusing to reproduce the publication of run " + runId + " (made " + original.publishedAt()
          + "): " + later.size() + " patient(s) were deleted on request after it (first: deletion "
          + first.getAs("deletion_id") + " at " + first.getAs("requested_at") + "), and its inputs still held their "
          + "data. Publish the run again instead (jobs/publish --run-date " + runId + ").");
    }
  }
}
