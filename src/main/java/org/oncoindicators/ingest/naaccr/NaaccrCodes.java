package org.oncoindicators.ingest.naaccr;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * NAACCR codes translated to the canonical registry contract's values (docs/naaccr.md). A code
 * with no translation is passed through as given, so that the registry row rules judge it.
 */
public final class NaaccrCodes {
  private static final Map<String, String> SEX = Map.of("1", "M", "2", "F");
  /** NAACCR Vital Status: 0 = dead, 1 = alive — the opposite of the contract's numeric 0/1, hence words. */
  private static final Map<String, String> VITAL_STATUS = Map.of("0", "dead", "1", "alive");
  private static final Map<String, String> SUMMARY_STAGE = Map.of("1", "localized", "2", "regional", "3", "regional",
      "4", "regional", "5", "regional", "7", "distant", "9", "unknown");
  private static final Map<String, String> DIAGNOSTIC_CONFIRMATION = Map.of("1", "histology", "2", "cytology",
      "3", "histology", "4", "microscopic", "5", "tumour marker", "6", "clinical investigation",
      "7", "clinical investigation", "8", "clinical", "9", "unknown");
  private static final Map<String, String> REPORTING_SOURCE_ONLY = Map.of("6", "autopsy", "7", "DCO");
  private static final Map<String, String> COUNTRY_PREFIX = Map.of("USA", "US-", "CAN", "CA-");
  private static final String AGE_UNKNOWN = "999";
  private static final String CAUSE_ALIVE = "0000";

  private NaaccrCodes() {}

  public static String sex(String code) {
    return SEX.getOrDefault(code, code);
  }

  public static String vitalStatus(String code) {
    return VITAL_STATUS.getOrDefault(code, code);
  }

  /** The first stage given (2018 derived, 2018 directly coded, 2000), in words; 0 (in situ) and 8 as given. */
  public static String stage(String derived2018, String summary2018, String summary2000) {
    String code = firstGiven(derived2018, summary2018, summary2000);
    return code == null ? null : SUMMARY_STAGE.getOrDefault(code, code);
  }

  /** Autopsy-only and death-certificate-only from the reporting source, else the diagnostic confirmation. */
  public static String basisOfDiagnosis(String diagnosticConfirmation, String typeOfReportingSource) {
    String only = typeOfReportingSource == null ? null : REPORTING_SOURCE_ONLY.get(typeOfReportingSource);
    if (only != null || diagnosticConfirmation == null) {
      return only;
    }
    return DIAGNOSTIC_CONFIRMATION.getOrDefault(diagnosticConfirmation, diagnosticConfirmation);
  }

  /** A full NAACCR date {@code YYYYMMDD} as {@code YYYY-MM-DD}; a partial one (YYYYMM, YYYY) as given, never completed. */
  public static String date(String yyyymmdd) {
    if (yyyymmdd == null || !yyyymmdd.matches("[0-9]{8}")) {
      return yyyymmdd;
    }
    return yyyymmdd.substring(0, 4) + "-" + yyyymmdd.substring(4, 6) + "-" + yyyymmdd.substring(6);
  }

  /** ICD-O-3 topography {@code C169} rendered {@code C16.9}; other values as given. */
  public static String topography(String primarySite) {
    if (primarySite == null || !primarySite.matches("(?i)C[0-9]{3}")) {
      return primarySite;
    }
    String site = primarySite.toUpperCase(Locale.ROOT);
    return site.substring(0, 3) + "." + site.substring(3);
  }

  /** {@code 8140/3}; the histology alone when no behaviour is given. */
  public static String morphology(String histology, String behaviour) {
    if (histology == null) {
      return null;
    }
    return behaviour == null ? histology : histology + "/" + behaviour;
  }

  /** ISO 3166-2 ({@code US-CA}, {@code CA-ON}) when the country is the USA or Canada; XX/YY/ZZ (not a region) dropped. */
  public static String region(String state, String country) {
    if (state == null || state.matches("(?i)XX|YY|ZZ")) {
      return null;
    }
    String prefix = country == null ? "" : COUNTRY_PREFIX.getOrDefault(country.toUpperCase(Locale.ROOT), "");
    return prefix + state.toUpperCase(Locale.ROOT);
  }

  /**
   * Age at diagnosis in years as coded (leading zeros dropped); when absent or 999 (unknown), the
   * completed years between two full dates of birth and diagnosis, else null.
   */
  public static String age(String ageAtDiagnosis, String dateOfBirth, String dateOfDiagnosis) {
    if (ageAtDiagnosis != null && !ageAtDiagnosis.equals(AGE_UNKNOWN)) {
      return ageAtDiagnosis.matches("[0-9]+") ? String.valueOf(Integer.parseInt(ageAtDiagnosis)) : ageAtDiagnosis;
    }
    LocalDate birth = fullDate(dateOfBirth);
    LocalDate diagnosis = fullDate(dateOfDiagnosis);
    return birth == null || diagnosis == null ? null : String.valueOf(Period.between(birth, diagnosis).getYears());
  }

  /** The underlying cause of death as coded; 0000 (alive at last contact) is no cause. */
  public static String causeOfDeath(String code) {
    return CAUSE_ALIVE.equals(code) ? null : code;
  }

  static String firstGiven(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static LocalDate fullDate(String yyyymmdd) {
    if (yyyymmdd == null || !yyyymmdd.matches("[0-9]{8}")) {
      return null;
    }
    try {
      return LocalDate.parse(date(yyyymmdd));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
