package org.oncoindicators.ops;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;

/**
 * Removes patients, named by pseudonym, from every table holding patient-level rows — bronze
 * registry and claims, their quarantined raw records, the silver tables — with Delta DELETE, and
 * records the withdrawal in {@code ops.deletions} by the pseudonym's SHA-256 only. Deleted rows stay
 * in older table versions (time travel) until VACUUM removes files older than the retention;
 * {@link #vacuum} does that.
 */
public final class PatientDeletion {
  static final List<TableId> PATIENT_TABLES = List.of(TableId.BRONZE_REGISTRY, TableId.BRONZE_CLAIMS,
      TableId.SILVER_TUMOURS, TableId.SILVER_TREATMENT_EPISODES, TableId.SILVER_CARE_PATHS);
  static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("deletion_id", DataTypes.StringType, false),
      DataTypes.createStructField("requested_at", DataTypes.TimestampType, false),
      DataTypes.createStructField(ConsentWithdrawals.PATIENT_KEY, DataTypes.StringType, false),
      DataTypes.createStructField("reason", DataTypes.StringType, true),
      DataTypes.createStructField("rows_deleted", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false),
      DataTypes.createStructField("earlier_runs", DataTypes.createArrayType(DataTypes.StringType), false)));

  /** What one request removed: rows per table, and the runs whose gold tables predate it. */
  public record Result(String deletionId, Map<String, Long> rowsDeleted, List<String> earlierRuns) {}

  private PatientDeletion() {}

  public static Result forget(Warehouse warehouse, List<String> patientIds, String reason) {
    SparkSession spark = warehouse.spark();
    List<String> ids = patientIds.stream().map(String::trim).distinct().toList();
    Map<String, Long> deleted = new LinkedHashMap<>();
    for (TableId t : PATIENT_TABLES) {
      delete(warehouse, t, col("patient_id").isin(ids.toArray()), deleted);
    }
    Column inRaw = null;
    for (String id : ids) {
      Column c = col("raw_record").rlike("(^|[^A-Za-z0-9_.-])" + Pattern.quote(id) + "([^A-Za-z0-9_.-]|$)");
      inRaw = inRaw == null ? c : inRaw.or(c);
    }
    delete(warehouse, TableId.BRONZE_QUARANTINE, inRaw, deleted);
    List<String> earlierRuns = warehouse.exists(TableId.OPS_RUNS)
        ? warehouse.read(TableId.OPS_RUNS).select("run_id").distinct().orderBy("run_id").collectAsList().stream()
            .map(r -> r.getString(0)).toList() : List.of();
    String deletionId = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(RowFactory.create(deletionId, now, ConsentWithdrawals.key(id), reason,
          scala.jdk.javaapi.CollectionConverters.asScala(deleted), scala.jdk.javaapi.CollectionConverters.asScala(earlierRuns)
              .toSeq()));
    }
    warehouse.upsert(TableId.OPS_DELETIONS, spark.createDataFrame(rows, SCHEMA), List.of("deletion_id",
        ConsentWithdrawals.PATIENT_KEY));
    return new Result(deletionId, deleted, earlierRuns);
  }

  private static void delete(Warehouse warehouse, TableId table, Column condition, Map<String, Long> deleted) {
    if (!warehouse.exists(table)) {
      return;
    }
    long n = warehouse.read(table).filter(condition).count();
    if (n > 0) {
      DeltaTable.forPath(warehouse.spark(), warehouse.location(table)).delete(condition);
    }
    deleted.put(table.qualifiedName(), n);
  }

  /**
   * VACUUM of every table: files no longer in the current version and older than the retention are
   * removed, and with them the deleted rows and the time travel to the versions that held them.
   * LITE mode finds them in the transaction log (seconds per table, where the full directory listing
   * takes over a minute); FULL is the fallback when the log no longer covers them.
   */
  public static void vacuum(Warehouse warehouse, double retentionHours) {
    SparkSession spark = warehouse.spark();
    String check = "spark.databricks.delta.retentionDurationCheck.enabled";
    spark.conf().set(check, "false");
    String hours = BigDecimal.valueOf(retentionHours).stripTrailingZeros().toPlainString();
    try {
      for (TableId t : TableId.values()) {
        if (warehouse.exists(t)) {
          String sql = "VACUUM delta.`" + warehouse.location(t) + "` RETAIN " + hours + " HOURS";
          try {
            spark.sql(sql + " LITE");
          } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("FULL")) {
              throw e;
            }
            spark.sql(sql);
          }
        }
      }
    } finally {
      spark.conf().unset(check);
    }
  }
}
