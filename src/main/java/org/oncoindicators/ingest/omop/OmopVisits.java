package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One row per visit with its centre (the visit's care site) and claims setting, for the rows that point to it. */
final class OmopVisits {
  static final String VISIT_ID = "visit_visit_id";
  static final String CENTER = "visit_center";
  static final String SETTING = "visit_setting";

  private OmopVisits() {}

  /** Visit rows with every needed column, plus {@link #CENTER} and {@link #SETTING}. */
  static Dataset<Row> of(OmopTable visit, CareSites sites) {
    Dataset<Row> v = visit.rows().withColumn(SETTING, OmopValues.setting(col("visit_concept_id"), col("visit_source_value")));
    return sites.withCenter(v, col("care_site_id"), CENTER);
  }

  /** Only what rows pointing to a visit need: its id, centre and setting. */
  static Dataset<Row> lookup(Dataset<Row> visits) {
    return visits.select(col("visit_occurrence_id").as(VISIT_ID), col(CENTER), col(SETTING));
  }
}
