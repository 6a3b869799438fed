package org.oncoindicators.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/** Patient flows on a hand-built case whose shares are known. */
class PatientFlowsTest extends SparkTestBase {
  private static List<Row> flows;

  private static Row tumour(String group, int year, String residence, String centre, String centreRegion) {
    return RowFactory.create(group, year, residence, centre, centreRegion);
  }

  @BeforeAll
  static void build() {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("cancer_group", DataTypes.StringType, false),
        DataTypes.createStructField("diagnosis_year", DataTypes.IntegerType, false),
        DataTypes.createStructField("residence_region", DataTypes.StringType, false),
        DataTypes.createStructField("center_id", DataTypes.StringType, false),
        DataTypes.createStructField("center_region", DataTypes.StringType, false)));
    List<Row> rows = new ArrayList<>(List.of(
        tumour("stomach", 2020, "KR-26", "BUSAN", "KR-26"), tumour("stomach", 2020, "KR-26", "BUSAN", "KR-26"),
        tumour("stomach", 2021, "KR-26", "SEOUL", "KR-11"), tumour("lung", 2021, "KR-26", "SEOUL", "KR-11"),
        tumour("lung", 2020, "KR-11", "SEOUL", "KR-11"), tumour("lung", 2020, "KR-11", "SEOUL", "KR-11"),
        tumour("lung", 2021, "KR-47", "DAEGU", "KR-27"), tumour("stomach", 2021, "JP", "SEOUL", "KR-11")));
    Dataset<Row> tumours = spark().createDataFrame(rows, schema);
    flows = PatientFlows.build(tumours, Set.of("KR-11", "KR-26", "KR-27", "KR-47"), Set.of("KR-11"), "r1")
        .collectAsList();
  }

  private static Row find(String measure, String group, String year, String residence, String region, String centre) {
    return flows.stream().filter(r -> r.getAs("measure").equals(measure) && r.getAs("cancer_group").equals(group)
            && r.getAs("diagnosis_year").equals(year) && java.util.Objects.equals(r.getAs("residence_region"), residence)
            && java.util.Objects.equals(r.getAs("treating_region"), region)
            && java.util.Objects.equals(r.getAs("center_id"), centre))
        .findFirst().orElseThrow(() -> new AssertionError(measure + " " + group + " " + year + " " + residence));
  }

  private static void assertShare(Row r, long n, long denominator) {
    assertEquals(n, r.<Long>getAs("n"));
    assertEquals(denominator, r.<Long>getAs("denominator"));
    double share = (double) n / denominator;
    assertEquals(share, r.<Double>getAs("share"), 1e-12);
    assertTrue(r.<Double>getAs("ci_lower") <= share && share <= r.<Double>getAs("ci_upper"), r.toString());
  }

  @Test
  void selfSufficiencyAndCapitalOutflowOfBusanResidents() {
    assertShare(find(PatientFlows.SELF_SUFFICIENCY, "all_sites", "all", "KR-26", null, null), 2, 4);
    assertShare(find(PatientFlows.CAPITAL_OUTFLOW, "all_sites", "all", "KR-26", null, null), 2, 4);
    assertShare(find(PatientFlows.CAPITAL_OUTFLOW, "stomach", "2020", "KR-26", null, null), 0, 2);
    assertShare(find(PatientFlows.SELF_SUFFICIENCY, "all_sites", "all", "KR-47", null, null), 0, 1);
    // non-capital residents: 4 from KR-26 and 1 from KR-47, 2 of them treated in the capital
    assertShare(find(PatientFlows.CAPITAL_OUTFLOW, "all_sites", "all", PatientFlows.ALL_NON_CAPITAL, null, null), 2, 5);
    assertTrue(flows.stream().noneMatch(r -> r.getAs("measure").equals(PatientFlows.CAPITAL_OUTFLOW)
        && "KR-11".equals(r.getAs("residence_region"))), "capital residents do not flow out of the capital");
  }

  @Test
  void matricesAndInternationalPatients() {
    assertShare(find(PatientFlows.REGION_MATRIX, "all_sites", "all", "KR-26", "KR-11", null), 2, 4);
    assertShare(find(PatientFlows.CENTRE_MATRIX, "lung", "all", "KR-11", "KR-11", "SEOUL"), 2, 2);
    assertShare(find(PatientFlows.INTERNATIONAL, "all_sites", "all", "abroad", "KR-11", "SEOUL"), 1, 5);
    assertTrue(flows.stream().noneMatch(r -> r.getAs("measure").equals(PatientFlows.SELF_SUFFICIENCY)
        && "JP".equals(r.getAs("residence_region"))), "a country abroad has no self-sufficiency");
  }
}
