package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;
import org.oncoindicators.testing.Terminology;

/**
 * Sites read from ICD-10, legacy ICD-9-CM or ICD-O-3 topography; haematological cancers grouped by
 * morphology wherever they arose; impossible site–morphology combinations found (IARC rules).
 */
class TumourTerminologyTest extends SparkTestBase {
  private static final TumourTerminology TERMS = Terminology.standard();
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.StringType, false),
      DataTypes.createStructField("icd10", DataTypes.StringType, true),
      DataTypes.createStructField("topography", DataTypes.StringType, true),
      DataTypes.createStructField("morphology", DataTypes.StringType, true)));

  /** Each row read by the column expressions, row by row: the definition {@link TumourTerminology#decode} must follow. */
  private static List<String> read(Row... rows) {
    Dataset<Row> in = spark().createDataFrame(Arrays.asList(rows), SCHEMA)
        .withColumn("site", TERMS.site(col("icd10"), col("topography")))
        .withColumn("category", Icd10Codes.category(col("site")));
    List<String> perRow = lines(TERMS.assignGroups(in, col("category"), col("morphology"), spark())
        .withColumn(TumourTerminology.SITE_MORPHOLOGY_BROKEN, TERMS.siteMorphologyBroken(col("category"), col("morphology")))
        .withColumnRenamed("site", TumourTerminology.SITE_CODE));
    assertEquals(perRow, decoded(rows), "decoding each distinct triple once reads every row as row by row");
    return perRow;
  }

  private static List<String> decoded(Row... rows) {
    return lines(TERMS.decode(spark().createDataFrame(Arrays.asList(rows), SCHEMA), "icd10", "topography", "morphology"));
  }

  private static List<String> lines(Dataset<Row> read) {
    return read.orderBy("id").collectAsList().stream()
        .map(r -> r.getAs("id") + " " + r.getAs(TumourTerminology.SITE_CODE) + " " + r.getAs("cancer_group") + " "
            + r.getAs(TumourTerminology.SITE_MORPHOLOGY_BROKEN))
        .toList();
  }

  private static Row tumour(String id, String icd10, String topography, String morphology) {
    return RowFactory.create(id, icd10, topography, morphology);
  }

  @Test
  void legacyIcd9cmSiteCodesMapToTheirIcd10Group() { // 162.3 upper lobe -> C34.10 in the GEM
    assertEquals(List.of("a C16.9 stomach false", "b C18.9 colorectum false", "c C34.1 lung false",
            "d C61 prostate false", "e null null false"),
        read(tumour("a", "151.9", null, null), tumour("b", "1539", null, null), tumour("c", "162.3", null, null),
            tumour("d", "185", null, null), tumour("e", "16.9", null, null)));
  }

  @Test
  void haematologicalCancersAreGroupedByMorphologyWhereverTheyArose() {
    assertEquals(List.of("a C16.9 non_hodgkin_lymphoma false", "b C77.0 hodgkin_lymphoma false",
            "c C16.9 stomach false", "d C90.0 multiple_myeloma false", "e C42.1 leukemia false",
            "f C16.9 stomach false", "g C96.2 non_hodgkin_lymphoma false"),
        read(tumour("a", "C16.9", null, "9680/3"), tumour("b", null, "C77.0", "9650/3"),
            tumour("c", "C16.9", null, "8140/3"), tumour("d", "C90.0", null, "9732/3"),
            tumour("e", null, "C42.1", "98613"), tumour("f", "C16.9", null, "9680/1"),
            tumour("g", "C96.2", null, "9741/3")));
  }

  @Test
  void impossibleSiteMorphologyCombinationsAreFound() {
    assertEquals(List.of("a C16 stomach true", "b C22.0 liver false", "c C91.0 leukemia true",
            "d C91.0 leukemia false", "e C91.0 leukemia false", "f C50.9 breast true", "g C71.9 brain_cns false",
            "h C16.9 stomach false", "i C24.0 gallbladder_biliary false", "j C73 thyroid false"),
        read(tumour("a", "C16", null, "8170/3"), tumour("b", "C22.0", null, "8170/3"),
            tumour("c", "C91.0", null, "8140/3"), tumour("d", "C91.0", null, "8000/3"),
            tumour("e", "C91.0", null, "9835/3"), tumour("f", "C50.9", null, "9440/3"),
            tumour("g", "C71.9", null, "9440/3"), tumour("h", "C16.9", null, null),
            tumour("i", "C24.0", null, "8160/3"), tumour("j", "C73", null, "8345/3")));
  }

  @Test
  void decodingKeepsEveryRowWithRepeatedAndMissingCodesOnBothJoinPaths() {
    Row[] rows = {tumour("a", "C16.9", null, "8140/3"), tumour("b", "C16.9", null, "8140/3"),
        tumour("c", null, null, null), tumour("d", null, null, null), tumour("e", " c169 ", null, "8140/3"),
        tumour("f", null, "C42.1", "98613"), tumour("g", "C16.9", "C42.1", null), tumour("h", "junk", null, "junk")};
    List<String> expected = List.of("a C16.9 stomach false", "b C16.9 stomach false", "c null null false",
        "d null null false", "e C16.9 stomach false", "f C42.1 leukemia false", "g C16.9 stomach false",
        "h null null false");
    assertEquals(expected, read(rows));
    Dataset<Row> in = spark().createDataFrame(Arrays.asList(rows), SCHEMA);
    assertEquals(expected, lines(TERMS.decode(in, "icd10", "topography", "morphology", 2)),
        "more distinct triples than the broadcast limit: joined by shuffle, same reading");
    assertEquals(SCHEMA.size() + 4, TERMS.decode(in, "icd10", "topography", "morphology").columns().length,
        "adds site code, category, cancer group and the site-morphology flag, and no join key");
  }
}
