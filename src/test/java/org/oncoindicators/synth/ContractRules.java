package org.oncoindicators.synth;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The extract contract's row rules, written independently of the generator, to check what it planted. */
final class ContractRules {
  private static final Set<String> SEXES = Set.of("M", "F", "1", "2");
  private final Set<String> centres;
  private final Set<String> siteCategories;
  private final LocalDate closingDate;

  ContractRules(Set<String> centres, Path confDir, LocalDate closingDate) {
    this.centres = centres;
    this.closingDate = closingDate;
    this.siteCategories = ReferenceData.load(confDir).groups().values().stream()
        .filter(g -> !g.key().equals("all_sites"))
        .flatMap(g -> g.categories().stream())
        .collect(Collectors.toSet());
  }

  /** The reason code that quarantines this single row, or null when the row is valid. */
  String reason(List<String> row) {
    if (row.size() != RegistryColumn.values().length) {
      return "MALFORMED_ROW";
    }
    LocalDate diagnosis;
    LocalDate contact;
    try {
      diagnosis = LocalDate.parse(get(row, RegistryColumn.DIAGNOSIS_DATE));
      contact = LocalDate.parse(get(row, RegistryColumn.LAST_CONTACT_DATE));
    } catch (DateTimeParseException e) {
      return "INVALID_DATE";
    }
    if (diagnosis.isAfter(closingDate)) {
      return "FUTURE_DATE";
    }
    if (contact.isBefore(diagnosis)) {
      return "CONTACT_BEFORE_DIAGNOSIS";
    }
    if (!validAge(get(row, RegistryColumn.AGE_AT_DIAGNOSIS))) {
      return "INVALID_AGE";
    }
    if (!SEXES.contains(get(row, RegistryColumn.SEX))) {
      return "INVALID_SEX";
    }
    if (!centres.contains(get(row, RegistryColumn.CENTER_ID))) {
      return "UNKNOWN_CENTER";
    }
    String site = normalised(get(row, RegistryColumn.ICD10));
    site = site.isEmpty() ? normalised(get(row, RegistryColumn.ICDO3_TOPOGRAPHY)) : site;
    if (site.length() < 3 || !siteCategories.contains(site.substring(0, 3))) {
      return "UNMAPPED_SITE";
    }
    if (get(row, RegistryColumn.ICDO3_MORPHOLOGY).startsWith("817") && !site.startsWith("C22")) {
      return "INVALID_SITE_MORPHOLOGY"; // hepatocellular carcinoma outside the liver
    }
    return null;
  }

  static String get(List<String> row, RegistryColumn column) {
    return row.get(column.ordinal());
  }

  private static boolean validAge(String age) {
    try {
      double years = Double.parseDouble(age);
      return years >= 0 && years <= 120;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String normalised(String code) {
    return code.strip().toUpperCase(Locale.ROOT).replace(".", "");
  }
}
