package org.oncoindicators.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/** ops.data_quality's CLAIM_UNKNOWN_PATIENT: claim lines (not patients) whose patient has no registry row. */
class UnknownPatientsTest extends SparkTestBase {
  private static final StructType IDS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("patient_id", DataTypes.StringType, true)));

  private static Dataset<Row> ids(String... values) {
    return spark().createDataFrame(java.util.Arrays.stream(values).map(v -> RowFactory.create(v)).toList(), IDS);
  }

  @Test
  void countsClaimLinesOfPatientsMissingFromTheRegistry() {
    Dataset<Row> claims = ids("A", "A", "A", "B", "B", "C", "D", "D", "D", "D").repartition(3);
    Dataset<Row> registry = ids("A", "C", "C", "E");
    assertEquals(6, IngestStage.unknownPatients(claims, registry)); // B twice, D four times
  }

  @Test
  void zeroWhenEveryPatientIsKnownOrThereAreNoClaims() {
    assertEquals(0, IngestStage.unknownPatients(ids("A", "A"), ids("A")));
    assertEquals(0, IngestStage.unknownPatients(ids(), ids("A")));
  }
}
