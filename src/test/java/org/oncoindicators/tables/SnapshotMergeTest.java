package org.oncoindicators.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/**
 * A bronze table mirrors the latest extract: new keys inserted, changed rows updated, keys no
 * longer delivered deleted — and only the files holding those rows are rewritten; an unchanged
 * extract commits nothing.
 */
class SnapshotMergeTest extends SparkTestBase {
  private static final TableId TABLE = TableId.BRONZE_CENTERS;
  private static final StructType SCHEMA = new StructType()
      .add("center_id", DataTypes.StringType)
      .add("name", DataTypes.StringType)
      .add(Warehouse.RECORD_HASH, DataTypes.StringType)
      .add(Warehouse.RUN_ID, DataTypes.StringType);

  private static Dataset<Row> rows(String runId, String... idAndName) {
    Row[] out = new Row[idAndName.length / 2];
    for (int i = 0; i < out.length; i++) {
      String id = idAndName[2 * i];
      String name = idAndName[2 * i + 1];
      out[i] = RowFactory.create(id, name, "h:" + id + ":" + name, runId);
    }
    return spark().createDataFrame(Arrays.asList(out), SCHEMA);
  }

  /** "id name run" for every row, sorted. */
  private static Set<String> contents(Warehouse w) {
    Set<String> out = new TreeSet<>();
    for (Row r : w.read(TABLE).collectAsList()) {
      out.add(r.getString(0) + " " + r.getString(1) + " " + r.getString(3));
    }
    return out;
  }

  private static Set<String> files(Warehouse w) {
    return new TreeSet<>(Arrays.asList(w.read(TABLE).inputFiles()));
  }

  @Test
  void onlyTheChangedRowsAreMergedAndFilesWithoutThemAreKept() throws IOException {
    Warehouse w = new Warehouse(spark(), Files.createTempDirectory("onco-snapshot"));
    // three files: {A, B}, {C, D}, {F}
    rows("r1", "A", "a", "B", "b").coalesce(1).write().format("delta").save(w.location(TABLE));
    rows("r1", "C", "c", "D", "d").coalesce(1).write().format("delta").mode("append").save(w.location(TABLE));
    rows("r1", "F", "f").coalesce(1).write().format("delta").mode("append").save(w.location(TABLE));
    Set<String> filesBefore = files(w);
    long version = w.version(TABLE);

    // A, C, F as before; B changed; D no longer delivered; E new
    w.mergeSnapshot(TABLE, rows("r2", "A", "a", "B", "b2", "C", "c", "E", "e", "F", "f"), List.of("center_id"));

    assertEquals(new TreeSet<>(List.of("A a r1", "B b2 r2", "C c r1", "E e r2", "F f r1")), contents(w));
    assertEquals(version + 1, w.version(TABLE), "one commit");
    Set<String> kept = new TreeSet<>(filesBefore);
    kept.retainAll(files(w));
    assertEquals(1, kept.size(), "the file holding only F, unchanged, is not rewritten: " + kept);
    assertTrue(kept.iterator().next().contains("part-"), kept.toString());

    // the same extract again: no row changes, nothing is committed
    w.mergeSnapshot(TABLE, rows("r3", "A", "a", "B", "b2", "C", "c", "E", "e", "F", "f"), List.of("center_id"));
    assertEquals(version + 1, w.version(TABLE), "an unchanged extract commits nothing");
    assertEquals(new TreeSet<>(List.of("A a r1", "B b2 r2", "C c r1", "E e r2", "F f r1")), contents(w));
  }

  @Test
  void keysMatchNullSafelyAndAKeyHoldingTheHashReplacesTheChangedRow() throws IOException {
    Warehouse w = new Warehouse(spark(), Files.createTempDirectory("onco-snapshot"));
    rows("r1", null, "x", "K", "k").write().format("delta").save(w.location(TABLE));

    // the NULL-keyed row unchanged, K changed: by key alone K is updated
    w.mergeSnapshot(TABLE, rows("r2", null, "x", "K", "k2"), List.of("center_id"));
    assertEquals(new TreeSet<>(List.of("null x r1", "K k2 r2")), contents(w));

    // with the hash in the key (as claims are identified), the changed row is a new key: the old
    // row is deleted and the new one inserted
    List<String> byHash = List.of("center_id", Warehouse.RECORD_HASH);
    w.mergeSnapshot(TABLE, rows("r3", null, "y", "K", "k2"), byHash);
    assertEquals(new TreeSet<>(List.of("null y r3", "K k2 r2")), contents(w));
  }
}
