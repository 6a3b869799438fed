package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.upper;

import org.apache.spark.sql.Column;

/**
 * Prefix matching of codes as an equality join: a code is exploded into its leading 3..7
 * characters, so a small broadcast table of prefixes joins on equality instead of a
 * nested-loop "starts with" over millions of claim lines.
 */
public final class CodePrefixes {
  private CodePrefixes() {}

  /** Upper case, without dots and spaces: {@code 43.99} → {@code 4399}, {@code e11.9 } → {@code E119}. */
  public static Column compact(Column code) {
    return upper(regexp_replace(code, "[\\s.]", ""));
  }

  /** One row per leading substring of length 3 up to 7 of a compact code column. */
  public static Column candidates(String compactColumn) {
    return explode(expr("transform(sequence(3, least(7, length(" + compactColumn + "))), n -> substring("
        + compactColumn + ", 1, n))"));
  }
}
