package org.oncoindicators.ops;

import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.cli.OncoIndicators;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.testing.ReferenceRun;
import org.oncoindicators.testing.SparkTestBase;

/**
 * Deletion on request: a patient forgotten with {@code forget --purge-now} is gone from every
 * bronze and silver table, from the quarantine and from the recomputed gold counts; the old table
 * versions that held the rows are vacuumed away; only a hash is kept; and a later ingest of an
 * extract that still delivers the patient does not bring them back.
 */
class ForgetPatientTest extends SparkTestBase {
  private static Path copy;
  private static Warehouse warehouse;
  private static String patient;
  private static long patientTumours;
  private static long nationalBefore;

  /** The reference run's command line, as another command, on the copied warehouse. */
  private static List<String> args(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    List<String> nightly = ReferenceRun.nightlyArgs(copy);
    args.addAll(nightly.subList(1, nightly.size()));
    return args;
  }

  private static int run(List<String> args) {
    spark().catalog().clearCache();
    return OncoIndicators.run(args.toArray(String[]::new));
  }

  @BeforeAll
  static void copyTheReferenceRunThenForget() throws IOException {
    copy = ReferenceRun.copy("onco-forget");
    warehouse = new Warehouse(spark(), copy);
    patient = warehouse.read(TableId.SILVER_CARE_PATHS).filter("first_treatment_date IS NOT NULL")
        .select("patient_id").orderBy("patient_id").head().getString(0);
    patientTumours = warehouse.read(TableId.SILVER_TUMOURS).filter("patient_id = '" + patient + "'").count();
    nationalBefore = nationalTumours();
    assertEquals(0, run(args("forget", "--patient", patient, "--reason", "request 42", "--purge-now")));
  }

  private static long nationalTumours() {
    return warehouse.read(TableId.GOLD_REGISTRY_QUALITY)
        .filter("center_id = 'ALL' AND run_id = '" + ReferenceRun.RUN_DATE + "'").agg(sum("n_tumours"))
        .head().getLong(0);
  }

  @Test
  void thePatientIsInNoBronzeOrSilverTable() {
    for (TableId t : PatientDeletion.PATIENT_TABLES) {
      assertEquals(0, warehouse.read(t).filter("patient_id = '" + patient + "'").count(), t.qualifiedName());
    }
    assertEquals(0, warehouse.read(TableId.BRONZE_QUARANTINE).filter("raw_record LIKE '%" + patient + "%'").count());
  }

  @Test
  void goldIsRecomputedWithoutThePatient() {
    assertTrue(patientTumours > 0);
    assertEquals(nationalBefore - patientTumours, nationalTumours(), "registry quality counts one patient less");
  }

  @Test
  void onlyAHashIsKeptAndOldVersionsAreVacuumed() {
    Row d = warehouse.read(TableId.OPS_DELETIONS).head();
    assertEquals(ConsentWithdrawals.key(patient), d.getAs(ConsentWithdrawals.PATIENT_KEY));
    assertEquals("request 42", d.getAs("reason"));
    assertFalse(warehouse.read(TableId.OPS_DELETIONS).toJSON().collectAsList().toString().contains(patient));
    assertThrows(Exception.class, () -> spark().read().format("delta").option("versionAsOf", 0)
        .load(warehouse.location(TableId.BRONZE_REGISTRY)).filter("patient_id = '" + patient + "'").count(),
        "the version before the deletion can no longer be read");
  }

  @Test
  void aLaterIngestOfTheSameExtractDoesNotBringThePatientBack() {
    assertEquals(0, run(args("stage", "ingest")));
    assertEquals(0, warehouse.read(TableId.BRONZE_REGISTRY).filter("patient_id = '" + patient + "'").count());
    assertEquals(0, warehouse.read(TableId.BRONZE_CLAIMS).filter("patient_id = '" + patient + "'").count());
    Row withdrawn = warehouse.read(TableId.OPS_DATA_QUALITY)
        .filter("source = 'registry' AND reason_code = 'CONSENT_WITHDRAWN' AND run_id = '" + ReferenceRun.RUN_DATE
            + "'").head();
    assertEquals(patientTumours, withdrawn.<Long>getAs("rows"), "the patient's registry rows are dropped and counted");
  }

  @Test
  void reproducingThePublicationMadeBeforeTheDeletionRefuses() {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    int code;
    try {
      code = run(args("publish", "--reproduce", ReferenceRun.RUN_DATE));
    } finally {
      System.setErr(original);
    }
    String err = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(1, code, err);
    assertTrue(err.contains("refusing to reproduce the publication of run " + ReferenceRun.RUN_DATE)
        && err.contains("deleted on request after it"), err);
  }
}
