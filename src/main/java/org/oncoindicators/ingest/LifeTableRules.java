package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.upper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/** Row rules of the life table: year, single age, sex and one non-negative rate (qx at most 1). */
public final class LifeTableRules implements SourceRules {
  @Override
  public SourceContract contract() {
    return SourceContract.LIFE_TABLE;
  }

  @Override
  public Map<String, Column> typedColumns() {
    Map<String, Column> t = new LinkedHashMap<>();
    t.put("year", Values.integer(col("year")));
    t.put("age", Values.integer(col("age")));
    t.put("sex", Values.sex(col("sex")));
    t.put("region", upper(Values.text(col("region"))));
    t.put("mx", Values.number(col("mx")));
    t.put("qx", Values.number(col("qx")));
    t.put("haz_per_day", Values.number(col("haz_per_day")));
    return t;
  }

  @Override
  public List<RowRule> rules() {
    Column noRate = col("typed.mx").isNull().and(col("typed.qx").isNull()).and(col("typed.haz_per_day").isNull());
    Column badRate = col("typed.mx").lt(0).or(col("typed.qx").lt(0)).or(col("typed.qx").gt(1))
        .or(col("typed.haz_per_day").lt(0));
    return List.of(new RowRule(ReasonCode.INVALID_VALUE, col("typed.year").isNull().or(col("typed.age").isNull())
        .or(col("typed.age").lt(0)).or(col("typed.sex").isNull()).or(noRate).or(badRate)
        .or(Values.unparsed(col("mx"), col("typed.mx"))).or(Values.unparsed(col("qx"), col("typed.qx")))
        .or(Values.unparsed(col("haz_per_day"), col("typed.haz_per_day")))));
  }
}
