package org.oncoindicators.ingest.naaccr;

import static org.oncoindicators.ingest.naaccr.NaaccrItems.*;

import com.imsweb.naaccrxml.entity.Patient;
import com.imsweb.naaccrxml.entity.Tumor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One NAACCR Tumor with its Patient, as the registry contract's columns (docs/naaccr.md): each
 * column a translation of the items it comes from, and the items used as a compact JSON record.
 */
final class NaaccrTumour {
  private final Patient patient;
  private final Tumor tumour;
  private final int positionInPatient;

  /** {@code positionInPatient}: 1-based, the tumour's place among its patient's Tumor elements. */
  NaaccrTumour(Patient patient, Tumor tumour, int positionInPatient) {
    this.patient = patient;
    this.tumour = tumour;
    this.positionInPatient = positionInPatient;
  }

  /** A Tumor without a single item, or with a structural problem the library reported, has nothing to map. */
  boolean malformed() {
    return tumour.getItems().isEmpty() || !tumour.getValidationErrors().isEmpty();
  }

  /** Contract column → value as a string (null when not given), before any row rule. */
  Map<String, String> columns() {
    String patientId = item(PATIENT_ID_NUMBER);
    String recordNumber = NaaccrCodes.firstGiven(item(TUMOR_RECORD_NUMBER), String.valueOf(positionInPatient));
    Map<String, String> c = new LinkedHashMap<>();
    c.put("tumor_id", patientId == null ? null : patientId + "-" + recordNumber);
    c.put("patient_id", patientId);
    c.put("center_id", NaaccrCodes.firstGiven(item(REPORTING_FACILITY), item(NPI_REPORTING_FACILITY)));
    c.put("sex", NaaccrCodes.sex(item(SEX)));
    c.put("age_at_diagnosis", NaaccrCodes.age(item(AGE_AT_DIAGNOSIS), item(DATE_OF_BIRTH), item(DATE_OF_DIAGNOSIS)));
    c.put("diagnosis_date", NaaccrCodes.date(item(DATE_OF_DIAGNOSIS)));
    c.put("vital_status", NaaccrCodes.vitalStatus(item(VITAL_STATUS)));
    c.put("last_contact_date", NaaccrCodes.date(item(DATE_OF_LAST_CONTACT)));
    c.put("residence_region", NaaccrCodes.region(item(ADDR_AT_DX_STATE), item(ADDR_AT_DX_COUNTRY)));
    c.put("icd10", null);
    c.put("icdo3_topography", NaaccrCodes.topography(item(PRIMARY_SITE)));
    c.put("icdo3_morphology", NaaccrCodes.morphology(item(HISTOLOGIC_TYPE_ICDO3), item(BEHAVIOR_CODE_ICDO3)));
    c.put("stage", NaaccrCodes.stage(item(DERIVED_SUMMARY_STAGE_2018), item(SUMMARY_STAGE_2018),
        item(SEER_SUMMARY_STAGE_2000)));
    c.put("basis_of_diagnosis", NaaccrCodes.basisOfDiagnosis(item(DIAGNOSTIC_CONFIRMATION), item(TYPE_OF_REPORTING_SOURCE)));
    c.put("cause_of_death", NaaccrCodes.causeOfDeath(item(CAUSE_OF_DEATH)));
    return c;
  }

  /** The items used (but the birth date), as delivered, in JSON ({@code {"patientIdNumber":"00000001",…}}), with the Tumor's line in the file. */
  String rawRecord() {
    StringBuilder json = new StringBuilder("{");
    if (tumour.getStartLineNumber() != null) {
      json.append("\"xmlLine\":").append(tumour.getStartLineNumber());
    }
    for (String id : RECORDED) {
      String v = item(id);
      if (v != null) {
        json.append(json.length() > 1 ? "," : "").append('"').append(id).append("\":");
        quote(json, v);
      }
    }
    return json.append('}').toString();
  }

  /** The value on the Tumor, else on the Patient (items moved between levels across dictionary versions); blank = null. */
  private String item(String id) {
    String v = tumour.getItemValue(id);
    if (v == null) {
      v = patient.getItemValue(id);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static void quote(StringBuilder json, String v) {
    json.append('"');
    for (char ch : v.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        json.append('\\').append(ch);
      } else if (ch < 0x20) {
        json.append(String.format("\\u%04x", (int) ch));
      } else {
        json.append(ch);
      }
    }
    json.append('"');
  }
}
