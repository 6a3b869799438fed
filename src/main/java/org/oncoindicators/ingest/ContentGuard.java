package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * File-level checks that need every row: text that is not UTF-8, and values shaped like a Korean
 * resident registration number (YYMMDD-NNNNNNN). Either fails the run naming the first line.
 */
final class ContentGuard {
  static final String RRN_SHAPE =
      "(^|[^0-9])[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])-[1-8][0-9]{6}([^0-9]|$)";

  private ContentGuard() {}

  static void check(RawExtract raw) {
    Column where = struct(col(RawExtract.SOURCE_FILE), col(RawExtract.LINE_NUMBER));
    Row first = raw.rows().agg(
        min(when(col(RawExtract.BAD_ENCODING), where)),
        min(when(col(RawExtract.RAW_RECORD).rlike(RRN_SHAPE), where))).head();
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
