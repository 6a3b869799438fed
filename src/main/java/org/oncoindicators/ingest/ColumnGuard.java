package org.oncoindicators.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an extract's column names against its contract: required columns present, and no
 * column that looks like a direct identifier (name, phone, address, resident registration number).
 */
final class ColumnGuard {
  private static final Pattern IDENTIFIER = Pattern.compile(
      "(^|_)(name|names|first_?name|last_?name|full_?name|surname|phone|telephone|tel|mobile|cell|address|addr|street"
          + "|email|rrn|jumin|ssn|resident_?(registration_?)?(no|number|id)?)($|_)");

  private ColumnGuard() {}

  static String normalise(String name) {
    String n = name == null ? "" : name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    return n.replaceAll("[\\s-]+", "_");
  }

  /** Returns, per contract column, its position in the header (-1 when absent); fails on a missing or identifying column. */
  static int[] check(String file, String[] header, SourceContract contract) {
    List<String> names = Arrays.asList(header);
    for (int i = 0; i < header.length; i++) {
      if (!contract.columns().contains(header[i]) && IDENTIFIER.matcher(header[i]).find()) {
        throw new ExtractError(file, "column " + (i + 1) + " '" + header[i] + "' looks like a direct identifier",
            "remove direct identifiers; extracts must carry pseudonymous ids only");
      }
    }
    if (header.length == 1) {
      for (String delimiter : List.of(";", "\t", "|")) {
        if (header[0].contains(delimiter)) {
          throw new ExtractError(file, "the header is one column split by '" + delimiter.replace("\t", "\\t")
              + "', not by commas (header: " + header[0] + ")", "deliver comma-separated values (RFC 4180), "
              + "or Parquet");
        }
      }
    }
    for (String required : contract.required()) {
      if (!names.contains(required)) {
        throw new ExtractError(file, "required column '" + required + "' is missing (header: " + String.join(",", header) + ")",
            "add the column, or map the supplier's name onto it with ingest.column-aliases."
                + contract.source() + " in a --config file (docs/ingest.md)");
      }
    }
    return contract.columns().stream().mapToInt(names::indexOf).toArray();
  }

  static List<String> extraColumns(String[] header, SourceContract contract) {
    List<String> extra = new ArrayList<>();
    for (String h : header) {
      if (!contract.columns().contains(h)) {
        extra.add(h);
      }
    }
    return extra;
  }
}
