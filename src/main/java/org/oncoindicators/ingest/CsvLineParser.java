package org.oncoindicators.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.Serializable;

/**
 * Splits one physical CSV line (RFC 4180 quoting, comma) with univocity, the parser Spark's own CSV
 * source uses. A line with an unbalanced quote yields null, so the caller can quarantine it.
 */
final class CsvLineParser implements Serializable {
  private transient CsvParser parser;

  String[] parse(String line) {
    if (countQuotes(line) % 2 != 0) {
      return null;
    }
    if (parser == null) {
      CsvParserSettings settings = new CsvParserSettings();
      settings.getFormat().setDelimiter(',');
      settings.getFormat().setQuote('"');
      settings.getFormat().setQuoteEscape('"');
      settings.setIgnoreLeadingWhitespaces(false);
      settings.setIgnoreTrailingWhitespaces(false);
      settings.setNullValue(null);
      settings.setEmptyValue("");
      settings.setMaxCharsPerColumn(-1);
      settings.setMaxColumns(4096);
      parser = new CsvParser(settings);
    }
    String[] fields = parser.parseLine(line);
    return fields == null ? new String[] {""} : fields;
  }

  private static int countQuotes(String line) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }
}
