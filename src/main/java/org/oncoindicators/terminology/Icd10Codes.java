package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * ICD-10 / KCD code spellings to one canonical form: {@code C16.9}. Accepts dots or none, any
 * case, surrounding spaces and KCD's extra fifth/sixth characters (kept out of the canonical code).
 */
public final class Icd10Codes {
  private static final String SHAPE = "^[A-Z][0-9]{2}[0-9A-Z]{0,3}$";

  private Icd10Codes() {}

  /** The canonical code ({@code C16} or {@code C16.9}), or null when the value is no ICD-10 code. */
  public static Column canonical(Column raw) {
    Column compact = CodePrefixes.compact(raw);
    Column fourChar = substring(compact, 1, 4);
    return when(compact.rlike(SHAPE),
        when(length(fourChar).equalTo(3), fourChar)
            .otherwise(concat(substring(fourChar, 1, 3), lit("."), substring(fourChar, 4, 1))));
  }

  /** The three-character category of a canonical code ({@code C16}). */
  public static Column category(Column canonical) {
    return substring(canonical, 1, 3);
  }
}
