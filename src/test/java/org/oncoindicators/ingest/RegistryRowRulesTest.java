package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.RegistryValidation;
import org.oncoindicators.testing.SparkTestBase;

/** Every registry row rule of docs/extracts.md, one row that breaks it, found in quarantine with its code and line. */
class RegistryRowRulesTest extends SparkTestBase {
  private static ValidatedExtract registry;

  @BeforeAll
  static void validate() {
    registry = RegistryValidation.validate("extracts/registry_rules.csv");
  }

  @Test
  void eachBrokenRuleIsQuarantinedWithItsCodeAndLine() {
    Map<Long, String> byLine = new TreeMap<>();
    for (Row r : registry.quarantine().collectAsList()) {
      byLine.put(r.<Long>getAs("line_number"), r.getAs("reason_code"));
    }
    Map<Long, String> expected = new TreeMap<>(Map.ofEntries(
        Map.entry(5L, "INVALID_DATE"), Map.entry(6L, "FUTURE_DATE"), Map.entry(7L, "CONTACT_BEFORE_DIAGNOSIS"),
        Map.entry(8L, "INVALID_AGE"), Map.entry(9L, "INVALID_SEX"), Map.entry(10L, "UNKNOWN_CENTER"),
        Map.entry(11L, "UNMAPPED_SITE"), Map.entry(12L, "NOT_MALIGNANT"), Map.entry(13L, "MALFORMED_ROW"),
        Map.entry(14L, "FIELD_TOO_LONG"), Map.entry(15L, "DUPLICATE_ROW"), Map.entry(16L, "CONFLICTING_DUPLICATE"),
        Map.entry(17L, "CONFLICTING_DUPLICATE"), Map.entry(18L, "MISSING_REQUIRED"),
        Map.entry(19L, "INVALID_VITAL_STATUS"), Map.entry(20L, "INVALID_SITE_MORPHOLOGY"),
        Map.entry(21L, "INVALID_SITE_MORPHOLOGY"), Map.entry(24L, "MALFORMED_ROW")));
    assertEquals(expected, byLine);
  }

  @Test
  void validRowsAreKeptTypedAndEveryRowIsAccountedFor() {
    List<Row> kept = registry.accepted().orderBy("tumor_id").collectAsList();
    assertEquals(List.of("OK1", "OK2", "OK3", "OK4", "OK5"), kept.stream().map(r -> r.<String>getAs("tumor_id")).toList());
    Row ok2 = kept.get(1);
    assertEquals("F", ok2.getAs("sex"));
    assertEquals("dead", ok2.getAs("vital_status"));
    assertEquals(registry.rowsRead(), registry.rowsAccepted() + registry.rowsQuarantined());
    assertEquals(23, registry.rowsRead());
    assertEquals(1, registry.accepted().filter(RegistryRules.isDcoOrAutopsy(col("basis_of_diagnosis"))).count());
  }
}
