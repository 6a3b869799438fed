package org.oncoindicators.ingest;

/**
 * Why a row was quarantined, kept but excluded, or kept unused (docs/extracts.md). The first
 * fifteen are the contract's and keep their names; the last three are the product's additions.
 */
public enum ReasonCode {
  INVALID_DATE, FUTURE_DATE, CONTACT_BEFORE_DIAGNOSIS, INVALID_AGE, INVALID_SEX, UNKNOWN_CENTER, UNMAPPED_SITE,
  INVALID_SITE_MORPHOLOGY, NOT_MALIGNANT, MALFORMED_ROW, DUPLICATE_ROW, CONFLICTING_DUPLICATE, DCO_OR_AUTOPSY,
  CLAIM_UNKNOWN_PATIENT, FIELD_TOO_LONG,
  /** A required identifier (tumour, patient, claim or centre id) is empty. */
  MISSING_REQUIRED,
  /** vital_status is not alive/dead/0/1. */
  INVALID_VITAL_STATUS,
  /** A coded or numeric value outside its allowed set or range (setting, kind, rate, amount). */
  INVALID_VALUE
}
