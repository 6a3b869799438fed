package org.oncoindicators.ingest;

import java.util.List;
import java.util.stream.Stream;

/**
 * The canonical columns of each extract (docs/extracts.md): which are required, which may be
 * absent, and the key a row is identified by in bronze.
 */
public enum SourceContract {
  REGISTRY("registry",
      List.of("tumor_id", "patient_id", "center_id", "sex", "age_at_diagnosis", "diagnosis_date", "vital_status",
          "last_contact_date"),
      List.of("residence_region", "icd10", "icdo3_topography", "icdo3_morphology", "stage", "basis_of_diagnosis",
          "cause_of_death"),
      List.of("tumor_id")),
  CLAIMS("claims",
      List.of("claim_id", "patient_id", "center_id", "setting", "service_date"),
      List.of("discharge_date", "dx_codes", "procedure_code", "procedure_system", "amount"),
      List.of("claim_id", "record_hash")),
  CENTERS("centers",
      List.of("center_id", "name", "region", "kind"),
      List.of(),
      List.of("center_id")),
  LIFE_TABLE("life-table",
      List.of("year", "age", "sex"),
      List.of("region", "mx", "qx", "haz_per_day"),
      List.of("year", "age", "sex", "region"));

  private final String source;
  private final List<String> required;
  private final List<String> optional;
  private final List<String> key;

  SourceContract(String source, List<String> required, List<String> optional, List<String> key) {
    this.source = source;
    this.required = required;
    this.optional = optional;
    this.key = key;
  }

  /** The source name used in configuration, quarantine and data-quality rows. */
  public String source() {
    return source;
  }

  public List<String> required() {
    return required;
  }

  /** Required then optional columns, in contract order. */
  public List<String> columns() {
    return Stream.concat(required.stream(), optional.stream()).toList();
  }

  public List<String> key() {
    return key;
  }
}
