package org.oncoindicators.terminology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/** Codes seen, mapped or not, with counts: spellings fold into one code, unknown ones stand out. */
class TerminologyCoverageTest extends SparkTestBase {
  @Test
  void registrySpellingsFoldAndUnmappedCodesAreListed() {
    List<Row> rows = Arrays.asList(
        RowFactory.create("C16.9", null, "stomach"), RowFactory.create("c169 ", null, "stomach"),
        RowFactory.create(null, "C50.9", "breast"), RowFactory.create("Z99.9", null, null),
        RowFactory.create("XYZ", null, null));
    Map<String, String> byCode = new TreeMap<>();
    for (Row r : TerminologyCoverage.registrySites(spark().createDataFrame(rows, DataTypes.createStructType(List.of(
        DataTypes.createStructField("icd10", DataTypes.StringType, true),
        DataTypes.createStructField("icdo3_topography", DataTypes.StringType, true),
        DataTypes.createStructField("cancer_group", DataTypes.StringType, true)))), "r1").collectAsList()) {
      byCode.put(r.getAs("code"), r.<Boolean>getAs("mapped") + "/" + r.<Long>getAs("rows"));
    }
    assertEquals(Map.of("C16.9", "true/2", "C50.9", "true/1", "Z99.9", "false/1", "XYZ", "false/1"), byCode);
  }

  @Test
  void claimDiagnosisCodesAreSplitOnPipes() {
    List<Row> claims = Arrays.asList(RowFactory.create("C16.9|E11.9"), RowFactory.create("e119"),
        RowFactory.create("??"), RowFactory.create((Object) null));
    Map<String, String> byCode = new TreeMap<>();
    for (Row r : TerminologyCoverage.claimDiagnoses(spark().createDataFrame(claims, DataTypes.createStructType(List.of(
        DataTypes.createStructField("dx_codes", DataTypes.StringType, true)))), "r1").collectAsList()) {
      byCode.put(r.getAs("code"), r.<Boolean>getAs("mapped") + "/" + r.<Long>getAs("rows"));
    }
    assertEquals(Map.of("C16.9", "true/1", "E11.9", "true/2", "??", "false/1"), byCode);
  }
}
