package org.oncoindicators.tables;

import com.univocity.parsers.csv.CsvWriterSettings;

/** The CSV every output of the product writes (jobs/query, publications): RFC 4180, CRLF, NULL as an empty field. */
public final class Rfc4180 {
  private Rfc4180() {}

  public static CsvWriterSettings writerSettings() {
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.setNullValue("");
    settings.setEmptyValue("\"\"");
    settings.getFormat().setLineSeparator("\r\n");
    return settings;
  }
}
