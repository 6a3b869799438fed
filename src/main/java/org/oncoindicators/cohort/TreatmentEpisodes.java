package org.oncoindicators.cohort;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Silver treatment episodes: claim lines with a grouped procedure (a resection of the tumour's own
 * cancer type, or systemic therapy) from shortly before diagnosis to the end of the treatment
 * window, attributed to the tumour and to the centre that billed it.
 */
public final class TreatmentEpisodes {
  private TreatmentEpisodes() {}

  /**
   * @param groupedClaims claim lines with procedure_group, episode_kind, procedure_cancer_groups
   * @param tumours silver tumours (tumor_id, patient_id, cancer_group, diagnosis_date)
   */
  public static Dataset<Row> build(Dataset<Row> groupedClaims, Dataset<Row> tumours, int daysBefore, int daysAfter,
                                   String runId) {
    Dataset<Row> t = tumours.select(col("tumor_id"), col("patient_id").as("t_patient"), col("cancer_group"),
        col("diagnosis_date"), col("center_id").as("registry_center_id"));
    Dataset<Row> joined = groupedClaims.join(t, col("patient_id").equalTo(col("t_patient")))
        .withColumn("days_from_diagnosis", datediff(col("service_date"), col("diagnosis_date")))
        .filter(col("days_from_diagnosis").between(-daysBefore, daysAfter)
            .and(size(col("procedure_cancer_groups")).equalTo(0)
                .or(array_contains(col("procedure_cancer_groups"), col("cancer_group")))));
    return joined.select(col("tumor_id"), col("patient_id"), col("cancer_group"), col("episode_kind"),
        col("procedure_group"), col("procedure_code"), col("procedure_system"), col("claim_id"),
        col("center_id"), col("registry_center_id"), col("setting"), col("service_date"), col("discharge_date"),
        col("days_from_diagnosis"), lit(runId).as("run_id"));
  }
}
