package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
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
  private static final String DUPLICATE = "duplicate_reason";
  static final String KEY_HASH = "dup_key_hash";
  private static final String CANDIDATE = "dup_candidate";
  /** Up to this many repeated key hashes are broadcast to the rows; more (a delivery sent twice) are joined by shuffle. */
  private static final long BROADCAST_CANDIDATES = 2_000_000;

  private final int maxFieldLength;

  public RowValidator(int maxFieldLength) {
    this.maxFieldLength = maxFieldLength;
  }

  public ValidatedExtract validate(RawExtract raw, SourceRules rules, String runId) {
    SourceContract contract = raw.contract();
    List<Column> typed = new ArrayList<>();
    rules.typedColumns().forEach((name, expr) -> typed.add(expr.as(name)));
    Dataset<Row> df = withDuplicateReason(ContentGuard.flag(raw.rows())
        .withColumn(Warehouse.RECORD_HASH, recordHash(contract))
        .withColumn(TYPED, struct(typed.toArray(Column[]::new))), contract);

    List<Column> reasons = new ArrayList<>();
    reasons.add(when(col(RawExtract.MALFORMED), lit(ReasonCode.MALFORMED_ROW.name())));
    reasons.add(when(tooLong(contract), lit(ReasonCode.FIELD_TOO_LONG.name())));
    reasons.add(col(DUPLICATE));
    for (RowRule rule : rules.rules()) {
      reasons.add(when(rule.violated(), lit(rule.code().name())));
    }
    // What later steps need, and no more: caching whole raw rows cost twice the time of the rest of
    // validation at 20M claim lines. The raw text is kept for quarantined rows only, file and line
    // also for rows the content guard flagged (its message names the line).
    Column quarantined = col(REASON_CODE).isNotNull();
    Column placed = quarantined.or(ContentGuard.flagged());
    List<Column> kept = new ArrayList<>(List.of(col(TYPED), col(Warehouse.RECORD_HASH), col(REASON_CODE),
        when(placed, col(RawExtract.SOURCE_FILE)).as(RawExtract.SOURCE_FILE),
        when(placed, col(RawExtract.LINE_NUMBER)).as(RawExtract.LINE_NUMBER),
        when(quarantined, col(RawExtract.RAW_RECORD)).as(RawExtract.RAW_RECORD),
        col(ContentGuard.BAD_TEXT), col(ContentGuard.IDENTIFIER)));
    rules.keptForEveryRow().forEach(c -> kept.add(col(c)));
    df = df.withColumn(REASON_CODE, coalesce(reasons.toArray(Column[]::new)))
        .select(kept.toArray(Column[]::new)).persist(StorageLevel.MEMORY_AND_DISK());

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

  /**
   * The hashes that occur more than once, each once. Sorted within hash partitions and compared with
   * their neighbour: nearly all of an extract's keys are distinct, which makes a hash aggregation
   * of them (a map entry per key, twice) cost three times as much as the radix sort.
   */
  static Dataset<Row> repeated(Dataset<Row> hashes) {
    return hashes.repartition(col(KEY_HASH)).sortWithinPartitions(KEY_HASH).as(Encoders.LONG())
        .mapPartitions((MapPartitionsFunction<Long, Long>) sorted -> {
          List<Long> out = new ArrayList<>();
          long previous = 0;
          boolean first = true;
          while (sorted.hasNext()) {
            long h = sorted.next();
            if (!first && h == previous && (out.isEmpty() || out.get(out.size() - 1) != h)) {
              out.add(h);
            }
            previous = h;
            first = false;
          }
          return out.iterator();
        }, Encoders.LONG()).toDF(KEY_HASH);
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

  /**
   * Adds the duplicate reason: same key twice with different contents quarantines all copies
   * (CONFLICTING_DUPLICATE), identical copies keep the first by file and line (DUPLICATE_ROW). The
   * windows that decide this shuffle whole rows, so they run only on the rows whose key hash occurs
   * more than once among valid rows — found by sorting 8-byte hashes ({@link #repeated}); an
   * extract without duplicates (the usual case) is never shuffled by row.
   */
  private static Dataset<Row> withDuplicateReason(Dataset<Row> rows, SourceContract contract) {
    List<String> key = contract.key().stream().filter(k -> !k.equals(Warehouse.RECORD_HASH)).toList();
    if (key.isEmpty()) {
      return rows.withColumn(DUPLICATE, duplicateReason(contract, key));
    }
    Column keyHash = xxhash64(key.stream().map(k -> col(k)).toArray(Column[]::new));
    Dataset<Row> candidates = repeated(rows.filter(valid(contract, key)).select(keyHash.as(KEY_HASH)));
    long n = candidates.count();
    if (n == 0) {
      return rows.withColumn(DUPLICATE, lit(null).cast(DataTypes.StringType));
    }
    Dataset<Row> marked = rows.join(n <= BROADCAST_CANDIDATES ? broadcast(candidates) : candidates,
            keyHash.equalTo(col(KEY_HASH)), "left")
        .withColumn(CANDIDATE, col(KEY_HASH).isNotNull()).drop(KEY_HASH);
    Dataset<Row> repeated = marked.filter(col(CANDIDATE)).withColumn(DUPLICATE, duplicateReason(contract, key));
    Dataset<Row> single = marked.filter(not(col(CANDIDATE))).withColumn(DUPLICATE, lit(null).cast(DataTypes.StringType));
    return single.unionByName(repeated).drop(CANDIDATE);
  }

  /** A row that takes part in duplicate detection: its required key columns are present and it parsed. */
  private static Column valid(SourceContract contract, List<String> key) {
    Column keyPresent = lit(true);
    for (String k : key) {
      if (contract.required().contains(k)) {
        keyPresent = keyPresent.and(col(k).isNotNull());
      }
    }
    return keyPresent.and(col(RawExtract.MALFORMED).equalTo(false));
  }

  private static Column duplicateReason(SourceContract contract, List<String> key) {
    Column[] keyCols = key.stream().map(k -> col(k)).toArray(Column[]::new);
    WindowSpec byKey = Window.partitionBy(keyCols);
    WindowSpec byCopy = Window.partitionBy(key.isEmpty() ? new Column[] {col(Warehouse.RECORD_HASH)}
            : concat(keyCols, col(Warehouse.RECORD_HASH)))
        .orderBy(col(RawExtract.SOURCE_FILE), col(RawExtract.LINE_NUMBER), col(RawExtract.RAW_RECORD));
    Column valid = valid(contract, key);
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
