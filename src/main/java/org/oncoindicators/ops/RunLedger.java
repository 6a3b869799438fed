package org.oncoindicators.ops;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;

/**
 * The run ledger {@code ops.runs}: one row per run and stage attempt, written when the stage
 * starts (status running) and updated when it ends, with the Delta versions it read and wrote.
 */
public final class RunLedger {
  public static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("run_id", DataTypes.StringType, false),
      DataTypes.createStructField("run_date", DataTypes.DateType, false),
      DataTypes.createStructField("stage", DataTypes.StringType, false),
      DataTypes.createStructField("attempt", DataTypes.IntegerType, false),
      DataTypes.createStructField("status", DataTypes.StringType, false),
      DataTypes.createStructField("start_time", DataTypes.TimestampType, false),
      DataTypes.createStructField("end_time", DataTypes.TimestampType, true),
      DataTypes.createStructField("rows_in", DataTypes.LongType, true),
      DataTypes.createStructField("rows_out", DataTypes.LongType, true),
      DataTypes.createStructField("rows_quarantined", DataTypes.LongType, true),
      DataTypes.createStructField("input_versions", DataTypes.StringType, true),
      DataTypes.createStructField("output_versions", DataTypes.StringType, true),
      DataTypes.createStructField("config_hash", DataTypes.StringType, false),
      DataTypes.createStructField("code_version", DataTypes.StringType, false),
      DataTypes.createStructField("host", DataTypes.StringType, false),
      DataTypes.createStructField("message", DataTypes.StringType, true)));
  private static final List<String> KEY = List.of("run_id", "stage", "attempt");

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final RunContext run;
  private List<Entry> entries;

  public RunLedger(SparkSession spark, Warehouse warehouse, RunContext run) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.run = run;
  }

  /** True when this stage already succeeded for this run id with the same configuration. */
  public boolean succeeded(String stage) {
    return thisRun().stream().anyMatch(r -> r.stage().equals(stage) && r.status().equals("succeeded")
        && r.configHash().equals(run.configHash()));
  }

  /** Opens an attempt: writes the running row and returns the attempt to close. */
  public Attempt start(String stage, List<TableId> inputs) {
    int attempt = nextAttempt(stage);
    Attempt a = new Attempt(stage, attempt, Instant.now(), versions(inputs));
    write(a, "running", null, null, null, null);
    return a;
  }

  public void finish(Attempt a, String status, StageResult result, List<TableId> outputs) {
    write(a, status, Instant.now(), result, versions(outputs), result.message());
  }

  public void fail(Attempt a, String message) {
    write(a, "failed", Instant.now(), null, null, message);
  }

  /** Records a stage not run because an earlier attempt completed it. */
  public void skip(String stage, String message) {
    Attempt a = new Attempt(stage, nextAttempt(stage), Instant.now(), "{}");
    write(a, "skipped", Instant.now(), null, null, message);
  }

  private int nextAttempt(String stage) {
    return thisRun().stream().filter(r -> r.stage().equals(stage)).mapToInt(Entry::attempt).max().orElse(0) + 1;
  }

  /**
   * This run's ledger rows, read once per ledger and then kept up to date as it writes (the
   * warehouse lock keeps other writers out), instead of a Spark query per stage and question.
   */
  private List<Entry> thisRun() {
    if (entries == null) {
      entries = new ArrayList<>();
      if (warehouse.exists(TableId.OPS_RUNS)) {
        for (Row r : warehouse.read(TableId.OPS_RUNS).filter(col("run_id").equalTo(run.runId()))
            .select("stage", "attempt", "status", "config_hash").collectAsList()) {
          entries.add(new Entry(r.getString(0), r.getInt(1), r.getString(2), r.getString(3)));
        }
      }
    }
    return entries;
  }

  private String versions(List<TableId> tables) {
    Map<String, Long> v = new TreeMap<>();
    for (TableId t : tables) {
      v.put(t.qualifiedName(), warehouse.version(t));
    }
    return v.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  /**
   * Writes the attempt's row: a blind append when the attempt is new (attempts are numbered under
   * the warehouse lock, so the key cannot exist), a MERGE when it closes a running row.
   */
  private void write(Attempt a, String status, Instant end, StageResult r, String outputs, String message) {
    Dataset<Row> row = row(a, status, end, r, outputs, message);
    boolean known = thisRun().removeIf(e -> e.stage().equals(a.stage()) && e.attempt() == a.attempt());
    if (known) {
      warehouse.upsert(TableId.OPS_RUNS, row, KEY);
    } else {
      warehouse.append(TableId.OPS_RUNS, row);
    }
    entries.add(new Entry(a.stage(), a.attempt(), status, run.configHash()));
  }

  private Dataset<Row> row(Attempt a, String status, Instant end, StageResult r, String outputs, String message) {
    Row row = RowFactory.create(run.runId(), java.sql.Date.valueOf(run.runDate()), a.stage(), a.attempt(), status,
        Timestamp.from(a.start()), end == null ? null : Timestamp.from(end),
        r == null ? null : r.rowsIn(), r == null ? null : r.rowsOut(), r == null ? null : r.rowsQuarantined(),
        a.inputVersions(), outputs, run.configHash(), run.codeVersion(), run.host(), message);
    return spark.createDataFrame(List.of(row), SCHEMA);
  }

  /** One stage attempt in progress. */
  public record Attempt(String stage, int attempt, Instant start, String inputVersions) {}

  /** What the ledger needs to know of one of this run's rows. */
  private record Entry(String stage, int attempt, String status, String configHash) {}
}
