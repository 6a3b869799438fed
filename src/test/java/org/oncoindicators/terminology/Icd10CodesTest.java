package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;
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

  /** The character translation removes exactly what the regular expression {@code [\s.]} removed. */
  @Test
  void spacesAndDotsGoAsTheRegularExpressionRemovedThem() {
    List<String> raw = Arrays.asList("C16.9", " c16 .9\t", "43.99\r\n", "E11\u000B.9\f", "M8140/3", "\u00A0C16", "", null);
    List<Row> out = spark().createDataset(raw, Encoders.STRING()).toDF("raw")
        .select(CodePrefixes.withoutSpacesAndDots(col("raw")).as("ours"),
            regexp_replace(col("raw"), "[\\s.]", "").as("regex"))
        .collectAsList();
    assertEquals(Arrays.asList("C169", "c169", "4399", "E119", "M8140/3", "\u00A0C16", "", null),
        out.stream().map(r -> r.<String>getAs("ours")).toList());
    for (Row r : out) {
      assertEquals(r.<String>getAs("regex"), r.<String>getAs("ours"));
    }
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
