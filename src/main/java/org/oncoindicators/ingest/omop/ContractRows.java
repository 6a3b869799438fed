package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.oncoindicators.ingest.RawExtract;
import org.oncoindicators.ingest.SourceContract;

/**
 * Shapes mapped OMOP rows as the extract reader does: file, line (null: OMOP rows have none), the
 * source rows as JSON, the malformed and encoding flags, then the contract's columns as strings.
 */
final class ContractRows {
  private ContractRows() {}

  /** The source rows a mapped row was made from, as one JSON object keyed by table name. */
  static Column rawRecord(Column... tableRows) {
    return to_json(struct(tableRows)).as(RawExtract.RAW_RECORD);
  }

  /** {@code mapped} has {@code source_file}, {@link #rawRecord}, {@code malformed} and contract columns. */
  static RawExtract of(SourceContract contract, Dataset<Row> mapped, List<String> files) {
    List<String> present = Arrays.asList(mapped.columns());
    Column rawRecord = col(RawExtract.RAW_RECORD);
    List<Column> cols = new ArrayList<>(List.of(
        coalesce(col("source_file"), lit("")).as(RawExtract.SOURCE_FILE),
        lit(null).cast(DataTypes.LongType).as(RawExtract.LINE_NUMBER),
        rawRecord.as(RawExtract.RAW_RECORD),
        coalesce(col("malformed"), lit(false)).as(RawExtract.MALFORMED),
        // Spark's CSV reader replaces bytes that are not UTF-8 with U+FFFD.
        coalesce(rawRecord.contains("\uFFFD"), lit(false)).as(RawExtract.BAD_ENCODING)));
    for (String c : contract.columns()) {
      Column value = present.contains(c) ? col(c) : lit(null);
      cols.add(value.cast(DataTypes.StringType).as(c));
    }
    return new RawExtract(contract, mapped.select(cols.toArray(Column[]::new)), files, List.of());
  }
}
