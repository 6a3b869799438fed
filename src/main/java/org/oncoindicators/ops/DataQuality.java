package org.oncoindicators.ops;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of {@code ops.data_quality}: per run, source and reason code, how many rows and with what
 * outcome. {@code READ} and {@code ACCEPTED} rows make the accounting checkable: read = accepted + quarantined.
 */
public final class DataQuality {
  public static final String READ = "READ";
  public static final String ACCEPTED = "ACCEPTED";
  public static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("run_id", DataTypes.StringType, false),
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("reason_code", DataTypes.StringType, false),
      DataTypes.createStructField("outcome", DataTypes.StringType, false),
      DataTypes.createStructField("rows", DataTypes.LongType, false)));

  /** What happened to the rows counted. */
  public enum Outcome { read, accepted, quarantined, kept_excluded, kept_unused, withdrawn }

  private final String runId;
  private final List<Row> rows = new ArrayList<>();

  public DataQuality(String runId) {
    this.runId = runId;
  }

  public DataQuality add(String source, String reasonCode, Outcome outcome, long count) {
    rows.add(RowFactory.create(runId, source, reasonCode, outcome.name(), count));
    return this;
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  public Dataset<Row> toDataFrame(SparkSession spark) {
    return spark.createDataFrame(rows, SCHEMA);
  }
}
