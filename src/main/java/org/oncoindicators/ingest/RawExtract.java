package org.oncoindicators.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One extract as read, before any row rule: every input row with its file, line and raw text,
 * the contract's columns as strings (null where absent or empty) and a malformed flag.
 */
public record RawExtract(SourceContract contract, Dataset<Row> rows, List<String> files, List<String> extraColumns) {
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String RAW_RECORD = "raw_record";
  public static final String MALFORMED = "malformed";
  public static final String BAD_ENCODING = "bad_encoding";

  /** The same extract with rows enriched for the rules (e.g. lookup flags). */
  public RawExtract withRows(Dataset<Row> enriched) {
    return new RawExtract(contract, enriched, files, extraColumns);
  }
}
