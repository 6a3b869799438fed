package org.oncoindicators.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/** The key hashes that decide which rows take part in duplicate detection: those occurring twice or more. */
class RepeatedKeysTest extends SparkTestBase {
  @Test
  void findsEachRepeatedHashOnceWhateverThePartitionAndNotTheSingleOnes() {
    List<Long> hashes = List.of(7L, 1L, -5L, 2L, 7L, 0L, 3L, -5L, 7L, Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE);
    Dataset<Row> rows = spark().createDataFrame(hashes.stream().map(h -> RowFactory.create(h)).toList(),
        DataTypes.createStructType(List.of(DataTypes.createStructField(RowValidator.KEY_HASH, DataTypes.LongType, false))))
        .repartition(3);
    List<Long> repeated = RowValidator.repeated(rows).orderBy(RowValidator.KEY_HASH).collectAsList().stream()
        .map(r -> r.getLong(0)).toList();
    assertEquals(List.of(Long.MIN_VALUE, -5L, 7L), repeated);
  }

  @Test
  void findsNoneAmongDistinctHashes() {
    Dataset<Row> rows = spark().range(0, 5000).toDF(RowValidator.KEY_HASH).repartition(4);
    assertEquals(0, RowValidator.repeated(rows).count());
  }
}
