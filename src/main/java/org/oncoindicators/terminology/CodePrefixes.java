package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.upper;

import java.util.Collection;
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
    return upper(withoutSpacesAndDots(code));
  }

  /**
   * The code without whitespace and dots: the characters of the regular expression {@code [\s.]}
   * ({@code \s} is space, tab, line feed, vertical tab, form feed, carriage return), removed by a
   * character translation. Why not {@code regexp_replace}: every code of every row went through
   * the regex engine, inside a generated method too large for the JIT to compile.
   */
  public static Column withoutSpacesAndDots(Column code) {
    return translate(code, " \t\n\u000B\f\r.", "");
  }

  /** One row per leading substring of length 3 up to 7 of a compact code column. */
  public static Column candidates(String compactColumn) {
    return explode(expr("transform(sequence(3, least(7, length(" + compactColumn + "))), n -> substring("
        + compactColumn + ", 1, n))"));
  }

  /**
   * Whether any of a compact code's {@link #candidates} can equal one of {@code prefixes}: its first
   * three characters begin one of them (candidates are 3 to 7 characters long, so a shorter prefix
   * never matches). A hash-set test per code, so that only the codes that can match are exploded,
   * not every code of every claim line (most are neither comorbidities nor grouped procedures).
   */
  public static Column mayMatch(Column compactCode, Collection<String> prefixes) {
    Object[] heads = prefixes.stream().filter(p -> p.length() >= 3).map(p -> p.substring(0, 3)).distinct().toArray();
    return substring(compactCode, 1, 3).isin(heads);
  }
}
