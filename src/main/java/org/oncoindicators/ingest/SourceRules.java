package org.oncoindicators.ingest;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * What one source's rows must satisfy: the typed value of each contract column (as an
 * expression over the raw string columns) and the ordered rules over those typed values
 * (referenced as {@code typed.<column>}); the first violated rule names the reason.
 */
public interface SourceRules {
  SourceContract contract();

  /** Typed expression per bronze column, in bronze column order. */
  Map<String, Column> typedColumns();

  /** Rules in priority order, evaluated after malformed, too-long and duplicate checks. */
  List<RowRule> rules();

  /** Raw or looked-up columns the stage still reads from every row, quarantined ones included, after validation. */
  default List<String> keptForEveryRow() {
    return List.of();
  }
}
