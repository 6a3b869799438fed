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

/**
 * What it takes to make a table mirror a new snapshot of an extract: the delivered rows that are
 * new or changed (their key and {@code record_hash} are not in the table) and the keys the table
 * holds but the snapshot no longer delivers. Why: Delta's MERGE with a WHEN NOT MATCHED BY SOURCE
 * clause rewrites every file that holds a matched row, changed or not (delta-io/delta#1812), so
 * merging a whole, mostly unchanged extract rewrote the whole bronze table every night (3.9
 * million claim lines copied to change none). Merging only these rows touches only the files
 * that hold them, and an unchanged extract needs no commit at all.
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
   *
   * @param table the table's current rows (only its keys and record_hash are read)
   * @param snapshot the new snapshot, at most one row per key, with {@link Warehouse#RECORD_HASH}
   * @param keys the columns a row is identified by (may include record_hash)
   */
  public static Dataset<Row> of(Dataset<Row> table, Dataset<Row> snapshot, List<String> keys) {
    Dataset<Row> delivered = snapshot.withColumn(IN_SNAPSHOT, lit(true));
    List<Column> tableSide = new ArrayList<>();
    Column on = lit(true);
    for (String k : keys) {
      String alias = "_table_" + k;
      tableSide.add(col(k).as(alias));
      on = on.and(col(alias).eqNullSafe(delivered.col(k)));
    }
    tableSide.add(col(Warehouse.RECORD_HASH).as(TABLE_HASH));
    tableSide.add(lit(true).as(IN_TABLE));
    Dataset<Row> current = table.select(tableSide.toArray(Column[]::new));
    Dataset<Row> joined = delivered.join(current, on, "full_outer");

    Column isDelivered = col(IN_SNAPSHOT).isNotNull();
    Column unchanged = isDelivered.and(col(IN_TABLE).isNotNull())
        .and(col(TABLE_HASH).eqNullSafe(col(Warehouse.RECORD_HASH)));
    List<Column> out = new ArrayList<>();
    for (String c : snapshot.columns()) {
      out.add(keys.contains(c) ? when(isDelivered, col(c)).otherwise(col("_table_" + c)).as(c) : col(c));
    }
    out.add(when(isDelivered, lit(UPSERT)).otherwise(lit(DELETE)).as(CHANGE));
    return joined.filter(not(unchanged)).select(out.toArray(Column[]::new));
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
