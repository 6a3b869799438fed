package org.oncoindicators.publish;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.terminology.ReferenceTable;

/**
 * The descriptions of published columns, from {@code conf/publication_columns.csv} (table, column,
 * description): the data dictionary of every publication is generated from the published schemas
 * and these words, and a column without a description stops the publication rather than ship
 * undocumented.
 */
public final class DataDictionary {
  private final Path source;
  private final Map<String, String> descriptions = new LinkedHashMap<>();

  private DataDictionary(Path source) {
    this.source = source;
  }

  public static DataDictionary load(Path csv) {
    DataDictionary d = new DataDictionary(csv);
    ReferenceTable.forEachRecord(csv, "publication columns (columns table, column, description)",
        r -> d.descriptions.put(r.getString("table") + "." + r.getString("column"), r.getString("description")));
    return d;
  }

  /** The dictionary of the data dictionary itself. */
  static DataDictionary self() {
    DataDictionary d = new DataDictionary(Path.of("(built in)"));
    d.descriptions.put("data_dictionary.table", "Published table (file name without .csv / .json)");
    d.descriptions.put("data_dictionary.column", "Column of that table");
    d.descriptions.put("data_dictionary.type", "Spark SQL type of the column");
    d.descriptions.put("data_dictionary.description", "What the column means");
    return d;
  }

  public String describe(String table, String column) {
    String d = descriptions.get(table + "." + column);
    if (d == null || d.isBlank()) {
      throw new ConfigError(source + ": no description of column '" + column + "' of published table '" + table
          + "': add a line '" + table + "," + column + ",<what it means>'");
    }
    return d;
  }
}
