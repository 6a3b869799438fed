package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import org.oncoindicators.tables.Warehouse;

/**
 * Applies a source's row rules to a raw extract and splits it into the rows bronze keeps and the
 * rows quarantined with a reason code — every input row lands in exactly one of the two.
 */
public final class RowValidator {
  public static final String REASON_CODE = "reason_code";
  public static final String SOURCE = "source";
  private static final String TYPED = "typed";

  private final int maxFieldLength;

  public RowValidator(int maxFieldLength) {
    this.maxFieldLength = maxFieldLength;
  }

  public ValidatedExtract validate(RawExtract raw, SourceRules rules, String runId) {
    SourceContract contract = raw.contract();
    List<Column> typed = new ArrayList<>();
    rules.typedColumns().forEach((name, expr) -> typed.add(expr.as(name)));
    Dataset<Row> df = raw.rows()
        .withColumn(Warehouse.RECORD_HASH, recordHash(contract))
        .withColumn(TYPED, struct(typed.toArray(Column[]::new)));

    List<Column> reasons = new ArrayList<>();
    reasons.add(when(col(RawExtract.MALFORMED), lit(ReasonCode.MALFORMED_ROW.name())));
    reasons.add(when(tooLong(contract), lit(ReasonCode.FIELD_TOO_LONG.name())));
    reasons.add(duplicateReason(contract));
    for (RowRule rule : rules.rules()) {
      reasons.add(when(rule.violated(), lit(rule.code().name())));
    }
    df = df.withColumn(REASON_CODE, coalesce(reasons.toArray(Column[]::new)))
        .persist(StorageLevel.MEMORY_AND_DISK());

    Dataset<Row> accepted = df.filter(col(REASON_CODE).isNull())
        .select(col(TYPED + ".*"), col(Warehouse.RECORD_HASH), lit(runId).as(Warehouse.RUN_ID));
    Dataset<Row> quarantine = df.filter(col(REASON_CODE).isNotNull())
        .select(lit(runId).as(Warehouse.RUN_ID), lit(contract.source()).as(SOURCE), col(REASON_CODE),
            col(RawExtract.SOURCE_FILE), col(RawExtract.LINE_NUMBER), col(RawExtract.RAW_RECORD));
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : df.groupBy(coalesce(col(REASON_CODE), lit(""))).agg(count(lit(1))).collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    long read = counts.values().stream().mapToLong(Long::longValue).sum();
    Long ok = counts.remove("");
    return new ValidatedExtract(contract, df, accepted, quarantine, read, ok == null ? 0 : ok, counts, raw.extraColumns());
  }

  /** SHA-256 of the contract columns as delivered, so an unchanged row is recognised on re-ingest. */
  static Column recordHash(SourceContract contract) {
    Column[] cols = contract.columns().stream().map(c -> coalesce(col(c), lit("\u0000"))).toArray(Column[]::new);
    return sha2(concat_ws("\u0001", cols), 256);
  }

  private Column tooLong(SourceContract contract) {
    Column[] lengths = contract.columns().stream().map(c -> coalesce(length(col(c)), lit(0))).toArray(Column[]::new);
    return (lengths.length == 1 ? lengths[0] : greatest(lengths)).gt(maxFieldLength);
  }

  /** Same key twice: identical copies keep the first (by file and line), different contents quarantine all. */
  private static Column duplicateReason(SourceContract contract) {
    List<String> key = contract.key().stream().filter(k -> !k.equals(Warehouse.RECORD_HASH)).toList();
    Column[] keyCols = key.stream().map(k -> col(k)).toArray(Column[]::new);
    Column keyPresent = lit(true);
    for (String k : key) {
      if (contract.required().contains(k)) {
        keyPresent = keyPresent.and(col(k).isNotNull());
      }
    }
    WindowSpec byKey = Window.partitionBy(keyCols);
    WindowSpec byCopy = Window.partitionBy(key.isEmpty() ? new Column[] {col(Warehouse.RECORD_HASH)}
            : concat(keyCols, col(Warehouse.RECORD_HASH)))
        .orderBy(col(RawExtract.SOURCE_FILE), col(RawExtract.LINE_NUMBER), col(RawExtract.RAW_RECORD));
    Column valid = keyPresent.and(col(RawExtract.MALFORMED).equalTo(false));
    return when(valid.and(size(collect_set(col(Warehouse.RECORD_HASH)).over(byKey)).gt(1)),
        lit(ReasonCode.CONFLICTING_DUPLICATE.name()))
        .when(valid.and(row_number().over(byCopy).gt(1)), lit(ReasonCode.DUPLICATE_ROW.name()));
  }

  private static Column[] concat(Column[] a, Column b) {
    Column[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
