package org.oncoindicators.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

  public RunLedger(SparkSession spark, Warehouse warehouse, RunContext run) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.run = run;
  }

  /** True when this stage already succeeded for this run id with the same configuration. */
  public boolean succeeded(String stage) {
    if (!warehouse.exists(TableId.OPS_RUNS)) {
      return false;
    }
    return warehouse.read(TableId.OPS_RUNS)
        .filter(col("run_id").equalTo(run.runId()).and(col("stage").equalTo(stage))
            .and(col("status").equalTo("succeeded")).and(col("config_hash").equalTo(run.configHash())))
        .limit(1).count() > 0;
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
    if (!warehouse.exists(TableId.OPS_RUNS)) {
      return 1;
    }
    Row r = warehouse.read(TableId.OPS_RUNS)
        .filter(col("run_id").equalTo(run.runId()).and(col("stage").equalTo(stage))).agg(max("attempt")).head();
    return r.isNullAt(0) ? 1 : r.getInt(0) + 1;
  }

  private String versions(List<TableId> tables) {
    Map<String, Long> v = new TreeMap<>();
    for (TableId t : tables) {
      v.put(t.qualifiedName(), warehouse.version(t));
    }
    return v.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  private void write(Attempt a, String status, Instant end, StageResult r, String outputs, String message) {
    Row row = RowFactory.create(run.runId(), java.sql.Date.valueOf(run.runDate()), a.stage(), a.attempt(), status,
        Timestamp.from(a.start()), end == null ? null : Timestamp.from(end),
        r == null ? null : r.rowsIn(), r == null ? null : r.rowsOut(), r == null ? null : r.rowsQuarantined(),
        a.inputVersions(), outputs, run.configHash(), run.codeVersion(), run.host(), message);
    warehouse.upsert(TableId.OPS_RUNS, spark.createDataFrame(List.of(row), SCHEMA), KEY);
  }

  /** One stage attempt in progress. */
  public record Attempt(String stage, int attempt, Instant start, String inputVersions) {}
}
