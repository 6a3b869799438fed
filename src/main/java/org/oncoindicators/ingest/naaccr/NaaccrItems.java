package org.oncoindicators.ingest.naaccr;

import java.util.List;

/** The NAACCR XML item ids (data dictionary {@code naaccrId}s) the registry mapping reads, named once. */
final class NaaccrItems {
  static final String PATIENT_ID_NUMBER = "patientIdNumber";
  static final String SEX = "sex";
  static final String DATE_OF_BIRTH = "dateOfBirth";
  static final String VITAL_STATUS = "vitalStatus";
  static final String DATE_OF_LAST_CONTACT = "dateOfLastContact";
  static final String CAUSE_OF_DEATH = "causeOfDeath";
  static final String TUMOR_RECORD_NUMBER = "tumorRecordNumber";
  static final String REPORTING_FACILITY = "reportingFacility";
  static final String NPI_REPORTING_FACILITY = "npiReportingFacility";
  static final String AGE_AT_DIAGNOSIS = "ageAtDiagnosis";
  static final String DATE_OF_DIAGNOSIS = "dateOfDiagnosis";
  static final String ADDR_AT_DX_STATE = "addrAtDxState";
  static final String ADDR_AT_DX_COUNTRY = "addrAtDxCountry";
  static final String COUNTY_AT_DX = "countyAtDx";
  static final String PRIMARY_SITE = "primarySite";
  static final String HISTOLOGIC_TYPE_ICDO3 = "histologicTypeIcdO3";
  static final String BEHAVIOR_CODE_ICDO3 = "behaviorCodeIcdO3";
  static final String DERIVED_SUMMARY_STAGE_2018 = "derivedSummaryStage2018";
  static final String SUMMARY_STAGE_2018 = "summaryStage2018";
  static final String SEER_SUMMARY_STAGE_2000 = "seerSummaryStage2000";
  static final String DIAGNOSTIC_CONFIRMATION = "diagnosticConfirmation";
  static final String TYPE_OF_REPORTING_SOURCE = "typeOfReportingSource";

  /** Every item the mapping reads, in the order they are rendered in {@code raw_record}. */
  static final List<String> USED = List.of(PATIENT_ID_NUMBER, TUMOR_RECORD_NUMBER, REPORTING_FACILITY,
      NPI_REPORTING_FACILITY, SEX, DATE_OF_BIRTH, AGE_AT_DIAGNOSIS, DATE_OF_DIAGNOSIS, ADDR_AT_DX_STATE,
      ADDR_AT_DX_COUNTRY, COUNTY_AT_DX, PRIMARY_SITE, HISTOLOGIC_TYPE_ICDO3, BEHAVIOR_CODE_ICDO3,
      DERIVED_SUMMARY_STAGE_2018, SUMMARY_STAGE_2018, SEER_SUMMARY_STAGE_2000, DIAGNOSTIC_CONFIRMATION,
      TYPE_OF_REPORTING_SOURCE, VITAL_STATUS, DATE_OF_LAST_CONTACT, CAUSE_OF_DEATH);

  /**
   * The items rendered in {@code raw_record}: all used but the date of birth, which is only read to
   * compute a missing age and is not kept in bronze (data minimisation; the CSV contract has no birth date).
   */
  static final List<String> RECORDED = USED.stream().filter(id -> !id.equals(DATE_OF_BIRTH)).toList();

  private NaaccrItems() {}
}
