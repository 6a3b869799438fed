package org.oncoindicators.cohort;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.spark.Seqs;
import org.oncoindicators.terminology.CodePrefixes;

/**
 * Each tumour's path through care from claims: the first claim carrying the cancer's diagnosis
 * (the diagnostic work-up, often at a clinic or spoke), the first treatment (from the treatment
 * episodes, the hub), the days between diagnosis and treatment, the centre of follow-up (the one
 * billing most claims from {@code followUpAfterDays} after that treatment to the window's end), and
 * every centre that billed for the patient in the care window — the material of patient-flow and
 * care-network indicators.
 */
public final class CarePaths {
  private CarePaths() {}

  /**
   * @param tumours silver tumours (tumor_id, patient_id, icd10_code, diagnosis_date, center_id); every
   *     tumour gets a row, with NULLs where its claims show no diagnostic contact or treatment
   * @param claims bronze claims
   * @param episodes silver treatment episodes
   * @param followUpAfterDays claims this many days or more after the first treatment are follow-up
   */
  public static Dataset<Row> build(Dataset<Row> tumours, Dataset<Row> claims, Dataset<Row> episodes, int daysBefore,
                                   int daysAfter, int followUpAfterDays, String runId) {
    Dataset<Row> treated = episodes.groupBy(col("tumor_id"))
        .agg(min_by(struct(col("service_date"), col("center_id"), col("episode_kind")),
            struct(col("service_date"), col("center_id"))).as("first_tx"));
    Dataset<Row> t = tumours.select(col("tumor_id"), col("patient_id").as("t_patient"),
            substring(CodePrefixes.compact(col("icd10_code")), 1, 3).as("t_category"), col("diagnosis_date"),
            col("center_id").as("registry_center_id"))
        .join(treated, Seqs.of("tumor_id"), "left");
    // One pass over the claims, with every reduction in the partitioning of the patient join (the
    // groupings lead with the patient, so neither needs a shuffle of its own): each tumour's claims
    // in the window become one row per centre (its first claim naming the cancer, its claims from
    // followUpAfterDays after the first treatment), then one row per tumour.
    Column namesTheCancer = col("dx_codes").isNotNull().and(exists(split(col("dx_codes"), "\\|"),
        dx -> substring(CodePrefixes.compact(dx), 1, 3).equalTo(col("t_category"))));
    Dataset<Row> perCentre = claims.select("patient_id", "center_id", "service_date", "dx_codes")
        .join(t.select(col("tumor_id"), col("t_patient"), col("t_category"), col("diagnosis_date"),
            col("first_tx.service_date").as("tx_date")).hint("shuffle_hash"), col("patient_id").equalTo(col("t_patient")))
        .filter(datediff(col("service_date"), col("diagnosis_date")).between(-daysBefore, daysAfter))
        .groupBy("t_patient", "tumor_id", "center_id")
        .agg(min(when(namesTheCancer, col("service_date"))).as("first_dx_date"),
            count(when(datediff(col("service_date"), col("tx_date")).geq(followUpAfterDays), lit(1)))
                .as("follow_up_claims"));
    Dataset<Row> perTumour = perCentre.groupBy("t_patient", "tumor_id").agg(
        min(when(col("first_dx_date").isNotNull(), struct(col("first_dx_date").as("service_date"), col("center_id"))))
            .as("first_dx"),
        array_sort(collect_set("center_id")).as("centers_visited"),
        // max_by skips rows whose ordering is NULL: centres without follow-up claims
        max_by(col("center_id"), when(col("follow_up_claims").gt(0), struct(col("follow_up_claims"), col("center_id"))))
            .as("follow_up_center_id"))
        .drop("t_patient");
    return t.join(perTumour, Seqs.of("tumor_id"), "left")
        .select(col("tumor_id"), col("t_patient").as("patient_id"), col("registry_center_id"), col("diagnosis_date"),
            col("first_dx.service_date").as("first_diagnostic_date"),
            col("first_dx.center_id").as("first_diagnostic_center_id"),
            col("first_tx.service_date").as("first_treatment_date"),
            col("first_tx.center_id").as("first_treatment_center_id"),
            col("first_tx.episode_kind").as("first_treatment_kind"),
            datediff(col("first_tx.service_date"), col("diagnosis_date")).as("days_diagnosis_to_treatment"),
            col("follow_up_center_id"),
            col("centers_visited"), when(col("centers_visited").isNull(), lit(0)).otherwise(size(col("centers_visited")))
                .as("n_centers_visited"),
            lit(runId).as("run_id"));
  }
}
