package org.oncoindicators.testing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An order-free fingerprint of a frame's rows as a multiset: the row count and the sum of each
 * row's 64-bit hash (summed as two 32-bit halves, which cannot overflow below 2^31 rows). Two frames with
 * the same rows, in any order and partitioning, have the same fingerprint; frames that differ in
 * a row differ in it but for a 2^-64 chance. One aggregation per frame with no shuffle of the
 * rows, where {@code exceptAll} both ways shuffles every row twice: the tests compare whole
 * warehouses this way and use {@code exceptAll} only to count the rows of a table that differs.
 */
public final class RowFingerprint {
  private RowFingerprint() {}

  /**
   * Each row is hashed as its JSON text: a NULL keeps its place there (Spark's row hashes skip
   * NULLs, so (NULL, 1) and (1, NULL) would hash alike).
   */
  public static List<Long> of(Dataset<Row> frame) {
    Column row = to_json(struct(Arrays.stream(frame.columns()).map(c -> col(c)).toArray(Column[]::new)));
    Column hash = xxhash64(row);
    Row r = frame.agg(count(lit(1)), sum(shiftrightunsigned(hash, 32)), sum(hash.bitwiseAND(0xFFFFFFFFL))).head();
    return List.of(r.getLong(0), r.isNullAt(1) ? 0L : r.getLong(1), r.isNullAt(2) ? 0L : r.getLong(2));
  }
}
