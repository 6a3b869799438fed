package org.oncoindicators.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * What it takes to make a table mirror a new snapshot of an extract: the delivered rows that are
 * new or changed (their key and {@code record_hash} are not in the table) and the keys the table
 * holds but the snapshot no longer delivers. Why: Delta's MERGE with a WHEN NOT MATCHED BY SOURCE
 * clause rewrites every file that holds a matched row, changed or not (delta-io/delta#1812), so
 * merging a whole, mostly unchanged extract rewrote the whole bronze table every night (3.9
 * million claim lines copied to change none). Merging only these rows touches only the files
 * that hold them, and an unchanged extract needs no commit at all.
 *
 * <p>The comparison joins only keys and hashes (a few dozen bytes a row, not the whole extract
 * row), and the changed keys, usually few, are persisted and counted before the delivered rows
 * are fetched for them: Spark then sees their true size and broadcasts them instead of
 * shuffling the extract a second time.
 */
public final class SnapshotChanges {
  /** {@value #UPSERT} or {@value #DELETE}: what the row does to the table. */
  public static final String CHANGE = "_snapshot_change";
  public static final String UPSERT = "upsert";
  public static final String DELETE = "delete";
  private static final String IN_TABLE = "_in_table";
  private static final String IN_SNAPSHOT = "_in_snapshot";
  private static final String TABLE_HASH = "_table_hash";

  private SnapshotChanges() {}

  /**
   * The snapshot's columns plus {@link #CHANGE}: each upserted row as delivered, and for each
   * deleted key a row with that key and NULL elsewhere. Keys match NULL-safely, as the merge does.
   * The result is persisted and computed; the caller unpersists it when the merge is done.
   *
   * @param table the table's current rows (only its keys and record_hash are read)
   * @param snapshot the new snapshot, at most one row per key, with {@link Warehouse#RECORD_HASH}
   * @param keys the columns a row is identified by (may include record_hash)
   */
  public static Dataset<Row> of(Dataset<Row> table, Dataset<Row> snapshot, List<String> keys) {
    Dataset<Row> changedKeys = changedKeys(table, snapshot, keys).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      if (changedKeys.count() == 0) {
        return snapshot.sparkSession().createDataFrame(List.of(),
            snapshot.schema().add(CHANGE, DataTypes.StringType, false)).persist(StorageLevel.MEMORY_AND_DISK());
      }
      Column on = lit(true);
      for (String k : keys) {
        on = on.and(snapshot.col(k).eqNullSafe(changedKeys.col(tableSide(k))));
      }
      Dataset<Row> upserts = snapshot.join(changedKeys.filter(col(CHANGE).equalTo(UPSERT)), on, "left_semi")
          .withColumn(CHANGE, lit(UPSERT));
      List<Column> deleted = new ArrayList<>();
      for (var field : snapshot.schema().fields()) {
        String c = field.name();
        deleted.add((keys.contains(c) ? col(tableSide(c)) : lit(null).cast(field.dataType())).as(c));
      }
      deleted.add(col(CHANGE));
      Dataset<Row> deletes = changedKeys.filter(col(CHANGE).equalTo(DELETE)).select(deleted.toArray(Column[]::new));
      Dataset<Row> changes = upserts.unionByName(deletes).persist(StorageLevel.MEMORY_AND_DISK());
      changes.count();
      return changes;
    } finally {
      changedKeys.unpersist();
    }
  }

  /**
   * The keys (named as {@link #tableSide}) of rows to upsert or delete, with {@link #CHANGE}:
   * a full outer join of the table's and the snapshot's keys and hashes, unchanged rows dropped.
   */
  private static Dataset<Row> changedKeys(Dataset<Row> table, Dataset<Row> snapshot, List<String> keys) {
    List<Column> delivered = new ArrayList<>();
    List<Column> current = new ArrayList<>();
    Column on = lit(true);
    for (String k : keys) {
      delivered.add(col(k));
      current.add(col(k).as(tableSide(k)));
      on = on.and(col(k).eqNullSafe(col(tableSide(k))));
    }
    // With the hash in the key (claims), a matched key is an unchanged row: no second hash to carry.
    boolean hashInKey = keys.contains(Warehouse.RECORD_HASH);
    Column unchanged = col(IN_SNAPSHOT).isNotNull().and(col(IN_TABLE).isNotNull());
    if (!hashInKey) {
      delivered.add(col(Warehouse.RECORD_HASH));
      current.add(col(Warehouse.RECORD_HASH).as(TABLE_HASH));
      unchanged = unchanged.and(col(TABLE_HASH).eqNullSafe(col(Warehouse.RECORD_HASH)));
    }
    delivered.add(lit(true).as(IN_SNAPSHOT));
    current.add(lit(true).as(IN_TABLE));
    Dataset<Row> joined = snapshot.select(delivered.toArray(Column[]::new))
        .join(table.select(current.toArray(Column[]::new)), on, "full_outer");

    Column isDelivered = col(IN_SNAPSHOT).isNotNull();
    List<Column> out = new ArrayList<>();
    for (String k : keys) {
      out.add(when(isDelivered, col(k)).otherwise(col(tableSide(k))).as(tableSide(k)));
    }
    out.add(when(isDelivered, lit(UPSERT)).otherwise(lit(DELETE)).as(CHANGE));
    return joined.filter(not(unchanged)).select(out.toArray(Column[]::new));
  }

  /** The name a key column has on the table's side of the comparison. */
  private static String tableSide(String key) {
    return "_table_" + key;
  }

  /** Target column → source expression for every snapshot column (the MERGE's update and insert). */
  static Map<String, String> assignments(Dataset<Row> changes) {
    Map<String, String> set = new LinkedHashMap<>();
    for (String c : changes.columns()) {
      if (!c.equals(CHANGE)) {
        set.put(c, "s.`" + c + "`");
      }
    }
    return set;
  }
}
