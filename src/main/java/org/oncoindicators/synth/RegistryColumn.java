package org.oncoindicators.synth;

import java.util.Locale;

/** The registry extract's columns, in the contract's order. */
enum RegistryColumn {
  TUMOR_ID, PATIENT_ID, CENTER_ID, SEX, AGE_AT_DIAGNOSIS, DIAGNOSIS_DATE, RESIDENCE_REGION, ICD10, ICDO3_TOPOGRAPHY,
  ICDO3_MORPHOLOGY, STAGE, BASIS_OF_DIAGNOSIS, VITAL_STATUS, LAST_CONTACT_DATE, CAUSE_OF_DEATH;

  static String[] header() {
    RegistryColumn[] columns = values();
    String[] header = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      header[i] = columns[i].name().toLowerCase(Locale.ROOT);
    }
    return header;
  }
}
