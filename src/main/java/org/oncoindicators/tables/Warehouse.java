package org.oncoindicators.tables;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.oncoindicators.config.WarehouseLocation;
import org.oncoindicators.ops.FaultInjection;
import scala.Option;

/**
 * The edge where tables are read and written: one folder per layer, one Delta table per
 * {@link TableId}, each write a single atomic Delta commit. The root is a local folder or any
 * Hadoop file system (an S3-compatible object store through {@code s3a://}): every access goes
 * through Spark, Delta or Hadoop's {@code FileSystem}, never {@code java.nio}.
 */
public final class Warehouse {
  public static final String RUN_ID = "run_id";
  public static final String RECORD_HASH = "record_hash";

  private final SparkSession spark;
  private final WarehouseLocation root;

  public Warehouse(SparkSession spark, WarehouseLocation root) {
    this.spark = spark;
    this.root = root;
  }

  /** A warehouse in a local folder. */
  public Warehouse(SparkSession spark, Path folder) {
    this(spark, WarehouseLocation.local(folder));
  }

  public SparkSession spark() {
    return spark;
  }

  public WarehouseLocation root() {
    return root;
  }

  public String location(TableId id) {
    return root.resolve(id.layer(), id.table());
  }

  public boolean exists(TableId id) {
    org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(location(id), "_delta_log");
    try {
      return log.getFileSystem(spark.sessionState().newHadoopConf()).exists(log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + log + ": " + e.getMessage(), e);
    }
  }

  public Dataset<Row> read(TableId id) {
    return spark.read().format("delta").load(location(id));
  }

  /** The table as it was at one Delta version (time travel), e.g. to reproduce a publication. */
  public Dataset<Row> readVersion(TableId id, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(location(id));
  }

  /**
   * The table's current Delta version, or -1 when it does not exist yet. Read from the Delta log's
   * snapshot (a listing of {@code _delta_log}, cached between calls) rather than a query of the
   * table's history, which costs a Spark job per call: the ledger asks for every table's version
   * at each stage transition.
   */
  public long version(TableId id) {
    if (!exists(id)) {
      return -1;
    }
    return DeltaLog.forTable(spark, location(id)).update(false, Option.empty(), Option.empty()).version();
  }

  /**
   * The rows of one run in a table this job has just written with {@link #replaceRun}: what the
   * write's commit recorded (rows written less rows copied from rewritten files) instead of a
   * query that scans the table again — a Spark job per table, about a second each on small data.
   * Counted by a query when the latest commit is not that write (Delta commits nothing for an
   * empty write that replaces no rows) or Delta kept no metrics.
   */
  public long rowsOfRun(TableId id, String runId) {
    requireMode(id, TableId.WriteMode.REPLACE_RUN);
    OptionalLong written = lastWriteRows(id, runPredicate(runId));
    return written.isPresent() ? written.getAsLong() : read(id).filter(runPredicate(runId)).count();
  }

  /** As {@link #rowsOfRun}, for a table this job has just replaced whole with {@link #overwrite}. */
  public long rowsWritten(TableId id) {
    requireMode(id, TableId.WriteMode.OVERWRITE);
    OptionalLong written = lastWriteRows(id, null);
    return written.isPresent() ? written.getAsLong() : read(id).count();
  }

  /**
   * The rows written by the table's latest commit, from its commit info (a read of the Delta log,
   * no scan), when that commit is an overwrite with the given replaceWhere predicate (none: the
   * whole table). The warehouse lock keeps other writers out, so such a commit is this job's.
   */
  private OptionalLong lastWriteRows(TableId id, String predicate) {
    Row commit = DeltaTable.forPath(spark, location(id)).history(1)
        .select("operation", "operationParameters", "operationMetrics").head();
    Map<String, String> parameters = commit.isNullAt(1) ? Map.of() : commit.getJavaMap(1);
    Map<String, String> metrics = commit.isNullAt(2) ? Map.of() : commit.getJavaMap(2);
    if (!"WRITE".equals(commit.getString(0)) || !"Overwrite".equals(parameters.get("mode"))
        || !Objects.equals(predicate, parameters.get("predicate")) || !metrics.containsKey("numOutputRows")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(metrics.get("numOutputRows"))
        - Long.parseLong(metrics.getOrDefault("numCopiedRows", "0")));
  }

  private static String runPredicate(String runId) {
    return RUN_ID + " = '" + runId.replace("'", "''") + "'";
  }

  /** Replaces the rows of one run (replaceWhere), leaving other runs' rows untouched. */
  public void replaceRun(TableId id, Dataset<Row> rows, String runId) {
    requireMode(id, TableId.WriteMode.REPLACE_RUN);
    rows.write().format("delta").mode(SaveMode.Overwrite)
        .option("replaceWhere", runPredicate(runId))
        .option("mergeSchema", "true")
        .save(location(id));
    FaultInjection.point("committed:" + id.qualifiedName());
  }

  /** Replaces the whole table in one commit; earlier contents stay reachable by time travel. */
  public void overwrite(TableId id, Dataset<Row> rows) {
    requireMode(id, TableId.WriteMode.OVERWRITE);
    rows.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(location(id));
    FaultInjection.point("committed:" + id.qualifiedName());
  }

  /**
   * Makes the table mirror the extract: new keys inserted, rows whose {@code record_hash} changed
   * updated, keys no longer delivered deleted, in one MERGE of only those rows
   * ({@link SnapshotChanges}: a MERGE of the whole extract rewrote every file). Re-ingesting an
   * unchanged extract changes no row and commits nothing.
   */
  public void mergeSnapshot(TableId id, Dataset<Row> rows, List<String> keys) {
    requireMode(id, TableId.WriteMode.MERGE_SNAPSHOT);
    if (!exists(id)) {
      rows.write().format("delta").mode(SaveMode.ErrorIfExists).save(location(id));
    } else {
      Dataset<Row> changes = SnapshotChanges.of(read(id), rows, keys);
      try {
        if (!changes.isEmpty()) {
          Map<String, String> set = SnapshotChanges.assignments(changes);
          String change = "s.`" + SnapshotChanges.CHANGE + "`";
          DeltaTable.forPath(spark, location(id)).as("t")
              .merge(changes.as("s"), keys.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`")
                  .collect(Collectors.joining(" AND ")))
              .whenMatched(change + " = '" + SnapshotChanges.DELETE + "'").delete()
              .whenMatched().updateExpr(set)
              .whenNotMatched(change + " = '" + SnapshotChanges.UPSERT + "'").insertExpr(set)
              .execute();
        }
      } finally {
        changes.unpersist();
      }
    }
    FaultInjection.point("committed:" + id.qualifiedName());
  }

  /** Appends ledger rows whose keys are new (one blind-append commit, no read of the table). */
  public void append(TableId id, Dataset<Row> rows) {
    requireMode(id, TableId.WriteMode.LEDGER);
    rows.write().format("delta").mode(SaveMode.Append).save(location(id));
  }

  /** Inserts or updates ledger rows by key (used by the run ledger only). */
  public void upsert(TableId id, Dataset<Row> rows, List<String> keys) {
    requireMode(id, TableId.WriteMode.LEDGER);
    if (!exists(id)) {
      append(id, rows);
      return;
    }
    DeltaTable.forPath(spark, location(id)).as("t")
        .merge(rows.as("s"), keys.stream().map(k -> "t.`" + k + "` = s.`" + k + "`").collect(Collectors.joining(" AND ")))
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }

  /** Registers every existing table under its layer-qualified name (e.g. {@code gold.survival}). */
  public void registerAll() {
    register(java.util.EnumSet.allOf(TableId.class));
  }

  /** Registers the given tables that exist under their layer-qualified names. */
  public void register(java.util.Set<TableId> tables) {
    for (TableId id : tables) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + id.layer());
      if (exists(id)) {
        spark.sql("CREATE TABLE IF NOT EXISTS " + id.qualifiedName() + " USING delta LOCATION '"
            + location(id).replace("'", "\\'") + "'");
      }
    }
  }

  private static void requireMode(TableId id, TableId.WriteMode mode) {
    if (id.mode() != mode) {
      throw new IllegalArgumentException(id.qualifiedName() + " is written as " + id.mode() + ", not " + mode);
    }
  }
}
