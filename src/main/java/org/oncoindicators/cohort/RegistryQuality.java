package org.oncoindicators.cohort;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.ingest.RegistryRules;

/**
 * Registry data-quality indicators as registries publish them (IARC/CONCORD style), per centre ×
 * cancer group and nationally: % microscopically verified, % DCO, % unknown stage, and
 * completeness of follow-up — the share of tumours whose vital status is known at the closing
 * date (died by then, or last seen alive within the tolerance before it).
 */
public final class RegistryQuality {
  private RegistryQuality() {}

  public static Dataset<Row> indicators(Dataset<Row> tumours, LocalDate closingDate, int followUpToleranceDays,
                                        String runId) {
    Column basis = lower(col("basis_of_diagnosis"));
    Column microscopic = basis.isin("histology", "cytology", "haematology", "microscopic", "histology of primary",
        "histology of metastasis");
    Column knownAtClosing = col("vital_status").equalTo("dead").and(col("last_contact_date").leq(lit(closingDate)))
        .or(col("last_contact_date").geq(date_sub(lit(closingDate), followUpToleranceDays)));
    Dataset<Row> withFlags = tumours.select(col("center_id"), col("cancer_group"),
        when(microscopic, 1.0).otherwise(0.0).as("mv"),
        when(RegistryRules.isDcoOrAutopsy(col("basis_of_diagnosis")), 1.0).otherwise(0.0).as("dco"),
        when(col("stage").equalTo("unknown"), 1.0).otherwise(0.0).as("unknown_stage"),
        when(knownAtClosing, 1.0).otherwise(0.0).as("follow_up"));
    Dataset<Row> all = withFlags.unionByName(withFlags.withColumn("center_id", lit("ALL")));
    return all.groupBy("center_id", "cancer_group").agg(
            count(lit(1)).as("n_tumours"),
            avg("mv").multiply(100).as("pct_microscopically_verified"),
            avg("dco").multiply(100).as("pct_dco"),
            avg("unknown_stage").multiply(100).as("pct_unknown_stage"),
            avg("follow_up").multiply(100).as("pct_follow_up_complete"))
        .withColumn("run_id", lit(runId));
  }
}
