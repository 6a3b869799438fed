package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * File-level checks that need every row: text that is not UTF-8, and values shaped like a Korean
 * resident registration number (YYMMDD-NNNNNNN). Either fails the run naming the first line. The
 * flags are computed in the validation pass ({@link RowValidator} keeps them with the line of each
 * flagged row), so checking costs no extra read of the extract.
 */
final class ContentGuard {
  /**
   * YYMMDD-NNNNNNN not inside a longer run of digits. Spelt from its hyphen (the date part is a
   * look-behind) so that the regex engine, which tries every position of every raw line, rejects
   * most positions on one character; with a leading {@code (^|[^0-9])} it took three times as long
   * (2.2 µs a claim line, 44 s of CPU at 20 million lines).
   */
  static final String RRN_SHAPE =
      "-(?<=(?<![0-9])[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])-)[1-8][0-9]{6}(?![0-9])";
  static final String BAD_TEXT = "guard_bad_text";
  static final String IDENTIFIER = "guard_identifier";

  private ContentGuard() {}

  /** The raw rows with the two per-row flags added. */
  static Dataset<Row> flag(Dataset<Row> rawRows) {
    return rawRows.withColumn(BAD_TEXT, col(RawExtract.BAD_ENCODING))
        .withColumn(IDENTIFIER, col(RawExtract.RAW_RECORD).rlike(RRN_SHAPE));
  }

  /** A row whose file and line must be kept for the check's message. */
  static Column flagged() {
    return col(BAD_TEXT).or(col(IDENTIFIER));
  }

  /** Checks every row of a raw extract (one pass; tests and rows dropped before validation). */
  static void check(RawExtract raw) {
    check(flag(raw.rows()));
  }

  /** Checks rows carrying the flags, the source file and the line number. */
  static void check(Dataset<Row> flaggedRows) {
    Column where = struct(col(RawExtract.SOURCE_FILE), col(RawExtract.LINE_NUMBER));
    Row first = flaggedRows.agg(min(when(col(BAD_TEXT), where)), min(when(col(IDENTIFIER), where))).head();
    if (!first.isNullAt(0)) {
      throw new ExtractError(place(first.getStruct(0)), "not UTF-8 text",
          "export the extract as UTF-8 (a BOM and CRLF line ends are fine)");
    }
    if (!first.isNullAt(1)) {
      throw new ExtractError(place(first.getStruct(1)), "a value shaped like a resident registration number",
          "remove direct identifiers; extracts must carry pseudonymous ids only");
    }
  }

  private static String place(Row where) {
    return where.getString(0) + (where.isNullAt(1) ? "" : " line " + where.getLong(1));
  }
}
