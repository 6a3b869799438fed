package org.oncoindicators.ingest.naaccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoindicators.ingest.ExtractError;
import org.oncoindicators.ingest.ExtractReader;
import org.oncoindicators.ingest.RawExtract;
import org.oncoindicators.ingest.SourceContract;
import org.oncoindicators.testing.SparkTestBase;

/** A NAACCR XML registry read through ExtractReader: one row per Tumor, mapped onto the canonical registry columns. */
class NaaccrRegistryReaderTest extends SparkTestBase {
  private static final String FIXTURE = "extracts/naaccr/registry.xml";

  @Test
  void eachTumourBecomesOneRowInTheCanonicalRegistryColumns() {
    RawExtract raw = new ExtractReader(spark()).read(resource(FIXTURE).toString(), SourceContract.REGISTRY);
    // line | tumor_id | patient_id | center_id | sex | age | diagnosis | vital | last contact | region | icd10
    //      | topography | morphology | stage | basis | cause of death
    assertEquals(List.of(
        "1|00000001-01|00000001|C1|M|64|2019-04-05|alive|2024-06-15|US-CA|null|C16.9|8140/3|localized|histology|null",
        "2|00000001-02|00000001|C1|M|65|202103|alive|2024-06-15|US-CA|null|C18.7|8140/3|distant|histology|null",
        "3|00000002-01|00000002|C2|F|51|2020-01-15|dead|2022-01-10|CA-ON|null|C50.4|8500/3|regional|cytology|C509",
        "4|00000003-01|00000003|C2|M|81|2023-03-01|dead|2023-03-01|null|null|C34.1|8000/3|unknown|DCO|C349",
        "5|00000004-01|00000004|C1|F|48|2018-07-07|alive|2025-01-01|US-NY|null|C34.9|8070/3|regional|microscopic|null",
        "6|00000004-2|00000004|C2|F|51|2022-02-02|alive|2025-01-01|US-NY|null|C73.9|8260/3|regional"
            + "|clinical investigation|null"),
        rows(raw));
  }

  @Test
  void rowsKeepTheirFileTheItemsUsedButTheBirthDateAndNoMalformedFlag() {
    RawExtract raw = new ExtractReader(spark()).read(resource(FIXTURE).toString(), SourceContract.REGISTRY);
    Row first = raw.rows().orderBy(RawExtract.LINE_NUMBER).first();
    assertTrue(first.<String>getAs(RawExtract.SOURCE_FILE).endsWith("extracts/naaccr/registry.xml"));
    assertTrue(first.<String>getAs(RawExtract.RAW_RECORD).startsWith("{\"xmlLine\":15,\"patientIdNumber\":\"00000001\","),
        first.<String>getAs(RawExtract.RAW_RECORD));
    assertFalse(first.<String>getAs(RawExtract.RAW_RECORD).contains("dateOfBirth"));
    assertEquals(0, raw.rows().filter(RawExtract.MALFORMED + " OR " + RawExtract.BAD_ENCODING).count());
    assertEquals(1, raw.files().size());
    assertTrue(raw.files().get(0).endsWith("extracts/naaccr/registry.xml"));
    assertTrue(raw.extraColumns().isEmpty());
  }

  @Test
  void aFolderOfXmlAndGzippedXmlFilesIsOneExtract(@TempDir Path dir) throws IOException {
    Files.copy(resource(FIXTURE), dir.resolve("a.xml"));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.xml.gz")))) {
      Files.copy(resource(FIXTURE), out);
    }
    Files.writeString(dir.resolve("_SUCCESS"), "");
    RawExtract raw = new ExtractReader(spark()).read(dir.toString(), SourceContract.REGISTRY);
    assertEquals(12, raw.rows().count());
    assertEquals(6, raw.rows().filter(raw.rows().col(RawExtract.SOURCE_FILE).endsWith("b.xml.gz")).count());
  }

  @Test
  void aFileThatIsNotNaaccrXmlFailsTheRunNamingIt() {
    String file = resource("extracts/naaccr/not_naaccr.xml").toString();
    ExtractError e = assertThrows(ExtractError.class,
        () -> new ExtractReader(spark()).read(file, SourceContract.REGISTRY));
    assertTrue(e.getMessage().contains("not_naaccr.xml: not valid NAACCR XML"), e.getMessage());
  }

  @Test
  void aTruncatedFileFailsTheRunNamingItAndTheLine() {
    String file = resource("extracts/naaccr/truncated.xml").toString();
    ExtractError e = assertThrows(ExtractError.class,
        () -> new ExtractReader(spark()).read(file, SourceContract.REGISTRY));
    assertTrue(e.getMessage().matches(".*truncated\\.xml line [0-9]+: not valid NAACCR XML.*"), e.getMessage());
  }

  @Test
  void xmlIsOnlyReadAsNaaccrForTheRegistry() {
    String file = resource(FIXTURE).toString();
    ExtractError e = assertThrows(ExtractError.class,
        () -> new ExtractReader(spark()).read(file, SourceContract.CLAIMS));
    assertTrue(e.getMessage().contains("not a CSV or Parquet file"), e.getMessage());
    assertFalse(NaaccrRegistryReader.isNaaccrXml(resource("extracts/centers.csv").toString(),
        spark().sparkContext().hadoopConfiguration()));
  }

  private static List<String> rows(RawExtract raw) {
    List<String> out = new ArrayList<>();
    for (Row r : raw.rows().orderBy(RawExtract.LINE_NUMBER).collectAsList()) {
      List<String> cells = new ArrayList<>(List.of(String.valueOf(r.<Long>getAs(RawExtract.LINE_NUMBER))));
      SourceContract.REGISTRY.columns().forEach(c -> cells.add(String.valueOf(r.<String>getAs(c))));
      out.add(String.join("|", cells));
    }
    return out;
  }
}
