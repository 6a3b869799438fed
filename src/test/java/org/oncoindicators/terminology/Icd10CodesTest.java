package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

class Icd10CodesTest extends SparkTestBase {
  @Test
  void commonSpellingsNormaliseToOneCanonicalCode() {
    List<String> raw = Arrays.asList("C16.9", "C169", "c16.9 ", " C16.9", "C16.90", "C16", "Z99.9", "16.9", "", null);
    List<Row> out = spark().createDataset(raw, Encoders.STRING()).toDF("raw")
        .select(Icd10Codes.canonical(col("raw")).as("code")).collectAsList();
    assertEquals(Arrays.asList("C16.9", "C16.9", "C16.9", "C16.9", "C16.9", "C16", "Z99.9", null, null, null),
        out.stream().map(r -> r.<String>getAs("code")).toList());
  }

  @Test
  void cancerGroupsComeFromTheReferenceTable() {
    CancerGroups groups = CancerGroups.load(home().resolve("conf/reference/cancer_groups_icd10.csv"));
    List<Row> rows = groups.assign(spark().createDataset(List.of("C16", "C18", "C20", "C34", "C96", "C44", "Z99"),
            Encoders.STRING()).toDF("cat"), col("cat"), spark()).orderBy("cat").collectAsList();
    assertEquals(List.of("C16=stomach", "C18=colorectum", "C20=colorectum", "C34=lung", "C44=other",
            "C96=non_hodgkin_lymphoma", "Z99=null"),
        rows.stream().map(r -> r.getString(0) + "=" + r.getString(1)).toList());
  }
}
