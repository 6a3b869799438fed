package org.oncoindicators.flows;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.oncoindicators.indicators.IndicatorTable;

/** Builds gold.indicators rows by column name for tests: {@code anIndicatorRow().with("n", 10L).row()}. */
final class IndicatorRows {
  private final Map<String, Object> values = new HashMap<>();

  private IndicatorRows() {
    values.put("stratum", "all");
    values.put("period", "all");
    values.put("status", "ok");
    values.put("run_id", "r1");
  }

  /** A collected-row view of a gold.indicators row built without a schema. */
  static Row withSchema(Row r) {
    Object[] v = new Object[r.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    return new GenericRowWithSchema(v, IndicatorTable.SCHEMA);
  }

  static IndicatorRows anIndicatorRow() {
    return new IndicatorRows();
  }

  IndicatorRows with(String column, Object value) {
    IndicatorTable.SCHEMA.fieldIndex(column);
    values.put(column, value);
    return this;
  }

  /** A row that knows its schema, as rows collected from gold.indicators do. */
  Row row() {
    Object[] v = new Object[IndicatorTable.SCHEMA.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(IndicatorTable.SCHEMA.fields()[i].name());
    }
    return new GenericRowWithSchema(v, IndicatorTable.SCHEMA);
  }
}
