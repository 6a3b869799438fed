package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.upper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Row rules of the claims extract: ids, dates, setting, amount and billing centre. */
public final class ClaimsRules implements SourceRules {
  /** Adds what the rules look up: whether the billing centre is known. */
  public Dataset<Row> prepare(Dataset<Row> raw, Dataset<Row> centers) {
    return KnownCenters.flag(raw, centers);
  }

  @Override
  public SourceContract contract() {
    return SourceContract.CLAIMS;
  }

  @Override
  public Map<String, Column> typedColumns() {
    Map<String, Column> t = new LinkedHashMap<>();
    t.put("claim_id", Values.text(col("claim_id")));
    t.put("patient_id", Values.text(col("patient_id")));
    t.put("center_id", Values.text(col("center_id")));
    t.put("setting", Values.code(col("setting"), "inpatient", "outpatient", "pharmacy"));
    t.put("service_date", Values.date(col("service_date")));
    t.put("discharge_date", Values.date(col("discharge_date")));
    t.put("dx_codes", Values.text(col("dx_codes")));
    t.put("procedure_code", Values.text(col("procedure_code")));
    t.put("procedure_system", upper(Values.text(col("procedure_system"))));
    t.put("amount", Values.number(col("amount")));
    return t;
  }

  @Override
  public List<RowRule> rules() {
    return List.of(
        new RowRule(ReasonCode.MISSING_REQUIRED,
            col("typed.claim_id").isNull().or(col("typed.patient_id").isNull()).or(col("typed.center_id").isNull())),
        new RowRule(ReasonCode.INVALID_DATE, col("typed.service_date").isNull()
            .or(Values.unparsed(col("discharge_date"), col("typed.discharge_date")))
            .or(col("typed.discharge_date").lt(col("typed.service_date")))),
        new RowRule(ReasonCode.INVALID_VALUE, col("typed.setting").isNull()
            .or(Values.unparsed(col("amount"), col("typed.amount"))).or(col("typed.amount").lt(0))
            .or(col("typed.procedure_code").isNotNull().and(col("typed.procedure_system").isNull()))),
        new RowRule(ReasonCode.UNKNOWN_CENTER, col(KnownCenters.CENTER_KNOWN).equalTo(false)));
  }
}
