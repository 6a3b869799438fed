package org.oncoindicators.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The warehouse comparison's fingerprint tells frames apart exactly when their rows differ as multisets. */
class RowFingerprintTest extends SparkTestBase {
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("a", DataTypes.StringType, true),
      DataTypes.createStructField("b", DataTypes.StringType, true),
      DataTypes.createStructField("n", DataTypes.createArrayType(DataTypes.IntegerType, true), true)));

  private static Dataset<Row> frame(Object[]... rows) {
    return spark().createDataFrame(List.of(rows).stream().map(RowFactory::create).toList(), SCHEMA);
  }

  private static final Object[] X = {"x", "1", List.of(1, 2)};
  private static final Object[] Y = {"y", null, List.of(3)};

  @Test
  void sameRowsInAnotherOrderAndPartitioningHaveOneFingerprint() {
    assertEquals(RowFingerprint.of(frame(X, Y, X)), RowFingerprint.of(frame(Y, X, X).repartition(3)));
    assertEquals(List.of(0L, 0L, 0L), RowFingerprint.of(frame()));
  }

  @Test
  void aChangedValueAMovedNullOrAMissingDuplicateDiffer() {
    List<Long> expected = RowFingerprint.of(frame(X, Y, X));
    assertNotEquals(expected, RowFingerprint.of(frame(X, new Object[] {"y", null, List.of(4)}, X)), "a value");
    assertNotEquals(expected, RowFingerprint.of(frame(X, new Object[] {null, "y", List.of(3)}, X)), "a NULL moved");
    assertNotEquals(RowFingerprint.of(frame(new Object[] {"x", null, java.util.Arrays.asList(null, 1)})),
        RowFingerprint.of(frame(new Object[] {"x", null, java.util.Arrays.asList(1, null)})), "a NULL moved in an array");
    assertNotEquals(expected, RowFingerprint.of(frame(X, Y, Y)), "a duplicate replaced");
    assertNotEquals(expected, RowFingerprint.of(frame(X, Y)), "a duplicate missing");
  }
}
