package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Flags rows whose {@code center_id} is in the centres file (a small broadcast lookup). */
final class KnownCenters {
  static final String CENTER_KNOWN = "center_known";
  private static final String KNOWN_ID = "known_center_id";

  private KnownCenters() {}

  static Dataset<Row> flag(Dataset<Row> raw, Dataset<Row> centers) {
    Dataset<Row> ids = broadcast(centers.select(col("center_id").as(KNOWN_ID)).distinct());
    return raw.join(ids, trim(raw.col("center_id")).equalTo(ids.col(KNOWN_ID)), "left")
        .withColumn(CENTER_KNOWN, col(KNOWN_ID).isNotNull()).drop(KNOWN_ID);
  }
}
