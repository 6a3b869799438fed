package org.oncoindicators.ingest.naaccr;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.ingest.RegistryRules;
import org.oncoindicators.ingest.ValidatedExtract;
import org.oncoindicators.testing.RegistryValidation;
import org.oncoindicators.testing.SparkTestBase;

/** The registry row rules applied unchanged to a NAACCR XML registry: the partial date is quarantined, the rest kept. */
class NaaccrRegistryRowRulesTest extends SparkTestBase {
  private static ValidatedExtract registry;

  @BeforeAll
  static void validate() {
    registry = RegistryValidation.validate("extracts/naaccr/registry.xml");
  }

  @Test
  void aPartialDiagnosisDateIsQuarantinedAsInvalidDateNotCompleted() {
    Map<Long, String> byTumour = new TreeMap<>();
    for (Row r : registry.quarantine().collectAsList()) {
      byTumour.put(r.<Long>getAs("line_number"), r.getAs("reason_code"));
    }
    assertEquals(Map.of(2L, "INVALID_DATE"), byTumour);
  }

  @Test
  void theOtherTumoursAreAcceptedTypedWithTheDcoKeptAndEveryRowAccountedFor() {
    List<Row> kept = registry.accepted().orderBy("tumor_id").collectAsList();
    assertEquals(List.of("00000001-01", "00000002-01", "00000003-01", "00000004-01", "00000004-2"),
        kept.stream().map(r -> r.<String>getAs("tumor_id")).toList());
    Row female = kept.get(1);
    assertEquals("F", female.getAs("sex"));
    assertEquals("dead", female.getAs("vital_status"));
    assertEquals(LocalDate.parse("2022-01-10"), female.<java.sql.Date>getAs("last_contact_date").toLocalDate());
    assertEquals("alive", kept.get(0).getAs("vital_status"));
    assertEquals(6, registry.rowsRead());
    assertEquals(registry.rowsRead(), registry.rowsAccepted() + registry.rowsQuarantined());
    List<Row> dco = registry.accepted().filter(RegistryRules.isDcoOrAutopsy(col("basis_of_diagnosis"))).collectAsList();
    assertEquals(List.of("00000003-01"), dco.stream().map(r -> r.<String>getAs("tumor_id")).toList());
  }
}
