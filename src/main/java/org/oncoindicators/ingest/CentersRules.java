package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.upper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/** Row rules of the centres file: an id and one of the known kinds. */
public final class CentersRules implements SourceRules {
  static final String[] KINDS = {"national", "regional_cancer_center", "hub", "spoke", "clinic", "other"};

  @Override
  public SourceContract contract() {
    return SourceContract.CENTERS;
  }

  @Override
  public Map<String, Column> typedColumns() {
    Map<String, Column> t = new LinkedHashMap<>();
    t.put("center_id", Values.text(col("center_id")));
    t.put("name", Values.text(col("name")));
    t.put("region", upper(Values.text(col("region"))));
    t.put("kind", Values.code(col("kind"), KINDS));
    return t;
  }

  @Override
  public List<RowRule> rules() {
    return List.of(
        new RowRule(ReasonCode.MISSING_REQUIRED, col("typed.center_id").isNull()),
        new RowRule(ReasonCode.INVALID_VALUE, col("typed.kind").isNull()));
  }
}
