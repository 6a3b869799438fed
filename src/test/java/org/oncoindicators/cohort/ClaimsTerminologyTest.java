package org.oncoindicators.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oncoindicators.terminology.ProcedureGroups;
import org.oncoindicators.testing.SparkTestBase;

/** Charlson index, procedure groups and treatment episodes from a few hand-made claim lines. */
class ClaimsTerminologyTest extends SparkTestBase {
  private static final StructType CLAIMS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("claim_id", DataTypes.StringType, false),
      DataTypes.createStructField("record_hash", DataTypes.StringType, false),
      DataTypes.createStructField("patient_id", DataTypes.StringType, false),
      DataTypes.createStructField("center_id", DataTypes.StringType, false),
      DataTypes.createStructField("setting", DataTypes.StringType, false),
      DataTypes.createStructField("service_date", DataTypes.DateType, false),
      DataTypes.createStructField("discharge_date", DataTypes.DateType, true),
      DataTypes.createStructField("dx_codes", DataTypes.StringType, true),
      DataTypes.createStructField("procedure_code", DataTypes.StringType, true),
      DataTypes.createStructField("procedure_system", DataTypes.StringType, true)));
  private static final StructType TUMOURS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("tumor_id", DataTypes.StringType, false),
      DataTypes.createStructField("patient_id", DataTypes.StringType, false),
      DataTypes.createStructField("center_id", DataTypes.StringType, false),
      DataTypes.createStructField("cancer_group", DataTypes.StringType, false),
      DataTypes.createStructField("diagnosis_date", DataTypes.DateType, false)));

  private static Row claim(String id, String patient, String date, String dx, String code, String system) {
    return RowFactory.create(id, id, patient, "H1", "outpatient", Date.valueOf(date), null, dx, code, system);
  }

  @Test
  void carePathsGiveTheFirstDiagnosticContactTheFirstTreatmentTheCentresVisitedAndTheFollowUpCentre() {
    // 10: the work-up at a spoke; 11-13: follow-up from 90 days after the first treatment, mostly
    // at the spoke; 14-15: at the hub, but after the care window (365 days after diagnosis)
    Dataset<Row> claims = claims().unionByName(spark().createDataFrame(List.of(
        RowFactory.create("10", "10", "P1", "S1", "outpatient", Date.valueOf("2020-02-01"), null, "c16.9", null, null),
        RowFactory.create("11", "11", "P1", "S1", "outpatient", Date.valueOf("2020-07-01"), null, null, null, null),
        RowFactory.create("12", "12", "P1", "S1", "outpatient", Date.valueOf("2020-09-01"), null, null, null, null),
        RowFactory.create("13", "13", "P1", "H1", "outpatient", Date.valueOf("2020-08-01"), null, null, null, null),
        RowFactory.create("14", "14", "P1", "H1", "outpatient", Date.valueOf("2021-05-01"), null, null, null, null),
        RowFactory.create("15", "15", "P1", "H1", "outpatient", Date.valueOf("2021-06-01"), null, null, null, null)),
        CLAIMS));
    Dataset<Row> tumours = tumours().withColumn("icd10_code",
        org.apache.spark.sql.functions.expr("CASE WHEN tumor_id = 'T1' THEN 'C16.9' ELSE 'C34.1' END"));
    Dataset<Row> episodes = TreatmentEpisodes.build(ProcedureGroups.load(
        home().resolve("conf/reference/procedure_groups.csv")).assign(claims, spark()), tumours, 30, 365, "r1");
    Map<String, Row> paths = new TreeMap<>();
    CarePaths.build(tumours, claims, episodes, 90, 365, 90, "r1").collectAsList().forEach(r -> paths.put(r.getAs("tumor_id"), r));
    Row t1 = paths.get("T1");
    assertEquals(Date.valueOf("2020-02-01"), t1.getAs("first_diagnostic_date"));
    assertEquals("S1", t1.getAs("first_diagnostic_center_id"), "the work-up at the spoke");
    assertEquals("H1", t1.getAs("first_treatment_center_id"));
    assertEquals("resection", t1.getAs("first_treatment_kind"));
    assertEquals(5, t1.<Integer>getAs("days_diagnosis_to_treatment"));
    assertEquals(List.of("H1", "S1"), t1.getList(t1.fieldIndex("centers_visited")));
    assertEquals("S1", t1.getAs("follow_up_center_id"), "two follow-up claims in the window at S1, one at H1");
    Row t2 = paths.get("T2");
    assertTrue(t2.isNullAt(t2.fieldIndex("first_diagnostic_date")));
    assertTrue(t2.isNullAt(t2.fieldIndex("first_treatment_date")));
    assertEquals(1, t2.<Integer>getAs("n_centers_visited"));
    assertTrue(t2.isNullAt(t2.fieldIndex("follow_up_center_id")), "no treatment, no follow-up");
  }

  private static Dataset<Row> claims() {
    return spark().createDataFrame(List.of(
        claim("1", "P1", "2020-01-10", "E11.9|I10", null, null),
        claim("2", "P1", "2020-02-10", "e11.2", null, null),
        claim("3", "P1", "2018-01-01", "I21.9", null, null),
        claim("4", "P1", "2020-03-01", "C78.7|K70.3", null, null),
        claim("5", "P1", "2020-03-02", "K70.4", null, null),
        claim("6", "P1", "2020-03-20", "C16.9", "43.99", "ICD-9-CM"),
        claim("7", "P1", "2020-04-20", "C16.9", "L01BC06", "ATC"),
        claim("8", "P1", "2020-03-21", null, "50.22", "ICD-9-CM"),
        claim("9", "P2", "2020-03-21", null, "88.01", "ICD-9-CM")), CLAIMS);
  }

  private static Dataset<Row> tumours() {
    return spark().createDataFrame(List.of(
        RowFactory.create("T1", "P1", "H1", "stomach", Date.valueOf("2020-03-15")),
        RowFactory.create("T2", "P2", "H1", "lung", Date.valueOf("2020-03-15"))), TUMOURS);
  }

  @Test
  void charlsonCountsConditionsInTheLookBackWithQuansHierarchyAndWithoutTheOwnCancer() {
    List<Row> out = CharlsonIndex.load(home().resolve("conf/reference/charlson_quan_icd10.csv"), "weight_charlson_1987")
        .compute(tumours(), claims(), 365, spark()).collectAsList();
    assertEquals(1, out.size(), "only T1 has conditions");
    // complicated diabetes (2) suppresses uncomplicated; severe liver disease (3) suppresses mild;
    // the 2018 infarction is outside the look-back; metastasis (C78) is the index cancer's own.
    assertEquals(5, out.get(0).<Integer>getAs("charlson_index"));
  }

  @Test
  void proceduresMapToTheLongestPrefixOfTheirSystemAndEpisodesKeepTheTumoursOwnResections() {
    Dataset<Row> grouped = ProcedureGroups.load(home().resolve("conf/reference/procedure_groups.csv"))
        .assign(claims(), spark());
    Map<String, String> byClaim = new TreeMap<>();
    grouped.collectAsList().forEach(r -> byClaim.put(r.getAs("claim_id"), r.getAs("procedure_group")));
    assertEquals(Map.of("6", "gastrectomy", "7", "chemotherapy", "8", "hepatectomy"), byClaim);
    Map<String, String> episodes = new TreeMap<>();
    TreatmentEpisodes.build(grouped, tumours(), 30, 365, "r1").collectAsList()
        .forEach(r -> episodes.put(r.getAs("claim_id"), r.<String>getAs("tumor_id") + "/" + r.getAs("episode_kind")
            + "/" + r.<Integer>getAs("days_from_diagnosis")));
    assertEquals(Map.of("6", "T1/resection/5", "7", "T1/systemic_therapy/36"), episodes,
        "a hepatectomy is not a stomach tumour's resection");
  }
}
