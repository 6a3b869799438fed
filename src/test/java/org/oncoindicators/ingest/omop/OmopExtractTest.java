package org.oncoindicators.ingest.omop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoindicators.ingest.CentersRules;
import org.oncoindicators.ingest.ClaimsRules;
import org.oncoindicators.ingest.ExtractError;
import org.oncoindicators.ingest.RawExtract;
import org.oncoindicators.ingest.RegistryRules;
import org.oncoindicators.ingest.RowValidator;
import org.oncoindicators.ingest.ValidatedExtract;
import org.oncoindicators.testing.SparkTestBase;
import org.oncoindicators.testing.Terminology;

/** The hand-written OMOP fixture (src/test/resources/extracts/omop) read as the three canonical extracts, row by row. */
class OmopExtractTest extends SparkTestBase {
  private static final String NULL = null;
  private static OmopExtract omop;

  @TempDir
  Path dir;

  @BeforeAll
  static void read() {
    omop = OmopExtract.read(spark(), resource("extracts/omop").toString(), settings());
  }

  static OmopSettings settings() {
    return new OmopSettings(OmopSettings.DEFAULT_PROCEDURE_SYSTEM, 365.25,
        Optional.of(home().resolve("conf/reference/korea_regions.csv")));
  }

  /** The contract columns of each row, ordered by the first column. */
  static List<List<String>> rows(RawExtract extract) {
    String[] columns = extract.contract().columns().toArray(String[]::new);
    List<List<String>> out = new ArrayList<>();
    for (Row r : extract.rows().selectExpr(columns).orderBy(columns[0]).collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < columns.length; i++) {
        values.add(r.getString(i));
      }
      out.add(values);
    }
    return out;
  }

  private static String age(String birth, String diagnosis) {
    double years = ChronoUnit.DAYS.between(LocalDate.parse(birth), LocalDate.parse(diagnosis)) / 365.25;
    return Double.toString(Math.round(years * 10_000) / 10_000.0);
  }

  @Test
  void firstMalignantConditionPerPersonAndCategoryIsATumour() {
    // tumor_id, patient_id, center_id, sex, age, diagnosis_date, vital_status, last_contact_date,
    // residence_region, icd10, icdo3_topography, icdo3_morphology, stage, basis_of_diagnosis, cause_of_death
    assertEquals(List.of(
        List.of("1-C16", "1", "H-SNU", "M", age("1955-03-15", "2019-03-04"), "2019-03-04", "alive", "2023-12-31",
            "KR-11", "C16.90"),
        List.of("2-C50", "2", "H-KIM", "F", age("1962-07-01", "2020-02-10"), "2020-02-10", "dead", "2021-06-15",
            "KR-41", "C509"),
        List.of("3-C18", "3", "H-SNU", "F", age("1948-11-01", "2018-06-01"), "2018-06-01", "alive", "2020-07-01",
            "KR-26", "C18.7"),
        List.of("3-C22", "3", "H-SNU", "F", age("1948-11-01", "2019-08-01"), "2019-08-01", "alive", "2020-07-01",
            "KR-26", "C22.0")),
        rows(omop.registry()).stream().map(r -> r.subList(0, 10)).toList());
    List<String> causes = rows(omop.registry()).stream().map(r -> r.get(14)).toList();
    assertEquals(Arrays.asList(NULL, "C50.9", NULL, NULL), causes);
    assertTrue(rows(omop.registry()).stream().allMatch(r -> r.subList(10, 14).stream().allMatch(v -> v == null)),
        "no ICD-O-3, stage or basis of diagnosis in OMOP v5.4 condition rows");
  }

  @Test
  void everyVisitProcedureAndDrugIsAClaimLine() {
    // claim_id, patient_id, center_id, setting, service_date, discharge_date, dx_codes, procedure_code, procedure_system, amount
    assertEquals(List.of(
        Arrays.asList("D3001", "2", "H-SNU", "pharmacy", "2020-03-02", NULL, NULL, "L01BC06", "ATC", NULL),
        Arrays.asList("D3002", "4", "H-KIM", "pharmacy", "2021-05-05", NULL, NULL, "643301230", "OMOP_SOURCE", NULL),
        Arrays.asList("P2001", "1", "H-SNU", "inpatient", "2019-03-06", NULL, NULL, "43.7", "ICD-9-CM", NULL),
        Arrays.asList("P2002", "1", "H-SNU", "inpatient", "2019-03-05", NULL, NULL, "Q2594", "OMOP_SOURCE", NULL),
        Arrays.asList("P2003", "3", "H-SNU", "inpatient", "2018-06-03", NULL, NULL, "45.76", "ICD-9-CM", NULL),
        Arrays.asList("P2004", "3", "H-SNU", "outpatient", "2020-07-01", NULL, NULL, "88.01", "ICD-9-CM", NULL),
        Arrays.asList("V101", "1", "H-SNU", "inpatient", "2019-03-04", "2019-03-15", "C16.90|E11.9", NULL, NULL, NULL),
        Arrays.asList("V102", "1", "H-SNU", "outpatient", "2019-04-20", NULL, "C16.9", NULL, NULL, NULL),
        Arrays.asList("V103", "2", "H-KIM", "outpatient", "2020-02-10", NULL, "C509", NULL, NULL, NULL),
        Arrays.asList("V104", "3", "H-SNU", "inpatient", "2018-06-01", "2018-06-20", "C18.7", NULL, NULL, NULL),
        Arrays.asList("V105", "3", "H-SNU", "outpatient", "2019-02-01", NULL, "C78.7", NULL, NULL, NULL),
        Arrays.asList("V106", "4", "H-KIM", "outpatient", "2021-05-05", NULL, "E11.9|I10", NULL, NULL, NULL),
        Arrays.asList("V107", "4", "H-KIM", "outpatient", "2022-01-10", NULL, "J18.9", NULL, NULL, NULL),
        Arrays.asList("V108", "2", "H-SNU", "inpatient", "2020-03-01", "2020-03-09", "Z51.1|C50.9", NULL, NULL, NULL)),
        rows(omop.claims()));
  }

  @Test
  void everyCareSiteIsACentre() {
    assertEquals(List.of(
        List.of("H-KIM", "Kim Minsoo Clinic", "KR-41", "clinic"),
        List.of("H-SNU", "Hanbit University Hospital", "KR-11", "hub")),
        rows(omop.centers()));
  }

  @Test
  void extractsHaveTheReaderColumnsAndTheirSourceRows() {
    for (RawExtract extract : List.of(omop.registry(), omop.claims(), omop.centers())) {
      List<String> expected = new ArrayList<>(List.of(RawExtract.SOURCE_FILE, RawExtract.LINE_NUMBER,
          RawExtract.RAW_RECORD, RawExtract.MALFORMED, RawExtract.BAD_ENCODING));
      expected.addAll(extract.contract().columns());
      assertEquals(expected, Arrays.asList(extract.rows().columns()));
      assertEquals("bigint", extract.rows().schema().apply(RawExtract.LINE_NUMBER).dataType().simpleString());
      assertEquals(0, extract.rows().filter("malformed or bad_encoding or line_number is not null").count());
    }
    Row tumour = omop.registry().rows().filter("tumor_id = '2-C50'").head();
    assertTrue(tumour.<String>getAs(RawExtract.SOURCE_FILE).endsWith("condition_occurrence.csv"));
    String raw = tumour.getAs(RawExtract.RAW_RECORD);
    assertTrue(raw.contains("\"condition_occurrence_id\":\"1004\"") && raw.contains("\"person_source_value\":\"P0002\"")
        && raw.contains("\"death_date\":\"2021-06-15\""), raw);
  }

  @Test
  void typedParquetTablesGiveTheSameExtracts() throws IOException {
    try (Stream<Path> files = Files.list(resource("extracts/omop"))) {
      for (Path csv : files.toList()) {
        String table = csv.getFileName().toString().replace(".csv", "");
        spark().read().option("header", "true").csv(csv.toString()).selectExpr(typed(csv))
            .write().parquet(dir.resolve(table).toString());
      }
    }
    OmopExtract parquet = OmopExtract.read(spark(), dir.toString(), settings());
    assertEquals(rows(omop.registry()), rows(parquet.registry()));
    assertEquals(rows(omop.claims()), rows(parquet.claims()));
    assertEquals(rows(omop.centers()), rows(parquet.centers()));
  }

  /** CDM types: ids and birth parts as bigint, dates as date, datetimes as timestamp, the rest text. */
  private static String[] typed(Path csv) {
    String[] header = spark().read().option("header", "true").csv(csv.toString()).columns();
    return Arrays.stream(header).map(c -> c.endsWith("_id") || c.endsWith("_of_birth") ? "cast(" + c + " as bigint) as " + c
        : c.endsWith("_date") ? "cast(" + c + " as date) as " + c
        : c.endsWith("_datetime") ? "cast(" + c + " as timestamp) as " + c : c).toArray(String[]::new);
  }

  @Test
  void everyMappedRowPassesTheRowRules() {
    RowValidator validator = new RowValidator(10_000);
    ValidatedExtract centers = validator.validate(omop.centers(), new CentersRules(), "test");
    RegistryRules registryRules = new RegistryRules(LocalDate.parse("2025-12-31"), Terminology.standard());
    ValidatedExtract registry = validator.validate(omop.registry().withRows(registryRules.prepare(omop.registry().rows(),
        centers.accepted())), registryRules, "test");
    ClaimsRules claimsRules = new ClaimsRules();
    ValidatedExtract claims = validator.validate(omop.claims().withRows(claimsRules.prepare(omop.claims().rows(),
        centers.accepted())), claimsRules, "test");
    for (ValidatedExtract v : List.of(centers, registry, claims)) {
      assertEquals(Map.of(), v.quarantinedByCode(), v.contract().source());
    }
    assertEquals(List.of(2L, 4L, 14L), List.of(centers.rowsAccepted(), registry.rowsAccepted(), claims.rowsAccepted()));
  }

  @Test
  void malformedCsvLineIsFlaggedForQuarantine() throws IOException {
    copyFixtureWithout("procedure_occurrence.csv");
    Files.writeString(dir.resolve("procedure_occurrence.csv"), Files.readString(resource("extracts/omop/procedure_occurrence.csv"))
        + "2005,4,0,2022-01-10,,,,32810,0,1,,107,,\"Q25,0,\n");
    RawExtract claims = OmopExtract.read(spark(), dir.toString(), settings()).claims();
    assertEquals(List.of("P2005"), claims.rows().filter("malformed").select("claim_id").as(Encoders.STRING()).collectAsList());
  }

  @Test
  void missingRequiredTableFailsNamingFolderAndTable() throws IOException {
    copyFixtureWithout("death.csv");
    ExtractError e = assertThrows(ExtractError.class, () -> OmopExtract.read(spark(), dir.toString()));
    assertTrue(e.getMessage().startsWith(dir.toString()) && e.getMessage().contains("'death'"), e.getMessage());
  }

  @Test
  void missingRequiredColumnFailsNamingTheFileAndColumn() throws IOException {
    copyFixtureWithout("care_site.csv");
    Files.writeString(dir.resolve("care_site.csv"), "care_site_name,location_id\nA,10\n");
    ExtractError e = assertThrows(ExtractError.class, () -> OmopExtract.read(spark(), dir.toString()));
    assertTrue(e.getMessage().contains("care_site.csv") && e.getMessage().contains("'care_site_id'"), e.getMessage());
  }

  @Test
  void drugExposureIsOptional() throws IOException {
    copyFixtureWithout("drug_exposure.csv");
    OmopExtract withoutDrugs = OmopExtract.read(spark(), dir.toString(), settings());
    assertEquals(12, withoutDrugs.claims().rows().count());
    assertEquals(rows(omop.registry()), rows(withoutDrugs.registry()));
  }

  private void copyFixtureWithout(String left) throws IOException {
    try (Stream<Path> files = Files.list(resource("extracts/omop"))) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals(left)) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
    }
  }
}
