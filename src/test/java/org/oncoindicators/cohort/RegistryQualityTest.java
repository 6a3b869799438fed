package org.oncoindicators.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/** Registry quality percentages on four hand-made tumours whose answer is known. */
class RegistryQualityTest extends SparkTestBase {
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("center_id", DataTypes.StringType, false),
      DataTypes.createStructField("cancer_group", DataTypes.StringType, false),
      DataTypes.createStructField("basis_of_diagnosis", DataTypes.StringType, true),
      DataTypes.createStructField("stage", DataTypes.StringType, false),
      DataTypes.createStructField("vital_status", DataTypes.StringType, false),
      DataTypes.createStructField("last_contact_date", DataTypes.DateType, false)));

  @Test
  void percentagesPerCentreAndNationally() {
    List<Row> tumours = List.of(
        RowFactory.create("C1", "stomach", "histology", "localized", "alive", Date.valueOf("2025-12-01")),
        RowFactory.create("C1", "stomach", "DCO", "unknown", "dead", Date.valueOf("2024-01-01")),
        RowFactory.create("C1", "stomach", "clinical", "regional", "alive", Date.valueOf("2023-06-30")),
        RowFactory.create("C2", "stomach", "cytology", "unknown", "alive", Date.valueOf("2025-06-30")));
    List<Row> out = RegistryQuality.indicators(spark().createDataFrame(tumours, SCHEMA), LocalDate.parse("2025-12-31"),
        365, "r1").orderBy("center_id").collectAsList();
    Row all = out.get(0);
    Row c1 = out.get(1);
    assertEquals("ALL", all.getAs("center_id"));
    assertEquals(4L, all.<Long>getAs("n_tumours"));
    assertEquals(50.0, all.<Double>getAs("pct_microscopically_verified"), 1e-12);
    assertEquals(25.0, all.<Double>getAs("pct_dco"), 1e-12);
    assertEquals(50.0, all.<Double>getAs("pct_unknown_stage"), 1e-12);
    assertEquals(75.0, all.<Double>getAs("pct_follow_up_complete"), 1e-12, "the 2023 contact is too old");
    assertEquals(100.0 / 3, c1.<Double>getAs("pct_microscopically_verified"), 1e-12);
  }
}
