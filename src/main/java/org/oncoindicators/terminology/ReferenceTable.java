package org.oncoindicators.terminology;

import com.univocity.parsers.common.record.Record;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.oncoindicators.config.ConfigError;

/**
 * Reads a small versioned reference table of conf/reference (UTF-8 CSV with a header row) record
 * by record; any problem stops the run naming the file and what it should hold.
 */
public final class ReferenceTable {
  private ReferenceTable() {}

  public static void forEachRecord(Path file, String what, Consumer<Record> action) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(true);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Record r : new CsvParser(settings).parseAllRecords(reader)) {
        action.accept(r);
      }
    } catch (IOException | RuntimeException e) {
      throw new ConfigError(file + ": cannot read " + what + " (" + e.getMessage() + ")", e);
    }
  }
}
