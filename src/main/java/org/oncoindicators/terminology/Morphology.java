package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** ICD-O-3 morphology spellings ({@code 9680/3}, {@code 96803}, {@code 9680}) read as code and behaviour. */
public final class Morphology {
  private Morphology() {}

  /** The four-digit histology code as an integer, or NULL when the value has none. */
  public static Column histology(Column raw) {
    Column digits = regexp_extract(raw, "^\\s*([0-9]{4})", 1);
    return when(digits.notEqual(""), digits.cast("int"));
  }

  /** The behaviour digit ({@code 3} = malignant), or NULL when not given. */
  public static Column behaviour(Column raw) {
    Column digit = regexp_extract(raw, "^\\s*[0-9]{4}\\s*/?\\s*([0-9])\\s*$", 1);
    return when(digit.notEqual(""), digit);
  }

  /** A range of histology codes, inclusive. */
  record Range(int from, int to) {
    Column contains(Column histology) {
      return histology.between(from, to);
    }

    /** Ranges written as {@code 9590-9989;8000-8005} or single codes. */
    static java.util.List<Range> parse(String text) {
      java.util.List<Range> out = new java.util.ArrayList<>();
      for (String part : text.split(";")) {
        String[] ends = part.trim().split("-");
        out.add(new Range(Integer.parseInt(ends[0].trim()), Integer.parseInt(ends[ends.length - 1].trim())));
      }
      return out;
    }
  }
}
