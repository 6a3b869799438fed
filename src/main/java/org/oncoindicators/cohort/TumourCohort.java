package org.oncoindicators.cohort;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.oncoindicators.ingest.ReasonCode;
import org.oncoindicators.ingest.RegistryRules;
import org.oncoindicators.terminology.CancerGroups;
import org.oncoindicators.terminology.TumourTerminology;

/**
 * Silver tumours from bronze registry rows: canonical site code and cancer group, stage and age
 * group, follow-up in days censored at the closing date, and why a tumour is excluded from
 * survival (DCO/autopsy, not the patient's first primary of that group). Pure: tests call it directly.
 */
public final class TumourCohort {
  public static final String TIME_DAYS = "time_days";
  public static final String EVENT = "event";
  public static final String EXCLUSION = "exclusion_reason";
  public static final String SURVIVAL_ELIGIBLE = "survival_eligible";
  public static final String NOT_FIRST_PRIMARY = "NOT_FIRST_PRIMARY";

  private TumourCohort() {}

  /**
   * @param registry bronze registry rows
   * @param centers bronze centres (for the centre's region and kind)
   */
  public static Dataset<Row> build(Dataset<Row> registry, Dataset<Row> centers, TumourTerminology terminology,
                                   LocalDate closingDate, String runId) {
    Dataset<Row> grouped = terminology.decode(registry, "icd10", "icdo3_topography", "icdo3_morphology");
    Dataset<Row> centerInfo = centers.select(col("center_id").as("c_id"), col("region").as("center_region"),
        col("kind").as("center_kind"));
    Column closing = lit(closingDate);
    Column exit = least(col("last_contact_date"), closing);
    Column firstPrimary = row_number().over(Window.partitionBy("patient_id", CancerGroups.CANCER_GROUP)
        .orderBy(col("diagnosis_date"), col("tumor_id")));
    Column exclusion = when(RegistryRules.isDcoOrAutopsy(col("basis_of_diagnosis")), lit(ReasonCode.DCO_OR_AUTOPSY.name()))
        .when(firstPrimary.gt(1), lit(NOT_FIRST_PRIMARY));
    return grouped.join(centerInfo, grouped.col("center_id").equalTo(centerInfo.col("c_id")), "left").drop("c_id")
        .select(
            col("tumor_id"), col("patient_id"), col("center_id"), col("center_region"), col("center_kind"),
            col("residence_region"), col("sex"), col("age_at_diagnosis"), ageGroup(col("age_at_diagnosis")).as("age_group"),
            col("diagnosis_date"), year(col("diagnosis_date")).as("diagnosis_year"),
            col(TumourTerminology.SITE_CODE), col(CancerGroups.CANCER_GROUP), col("icdo3_morphology"), stage(col("stage")).as("stage"),
            col("basis_of_diagnosis"), col("vital_status"), col("last_contact_date"),
            datediff(exit, col("diagnosis_date")).as(TIME_DAYS),
            col("vital_status").equalTo("dead").and(col("last_contact_date").leq(closing)).cast("int").as(EVENT),
            exclusion.as(EXCLUSION), exclusion.isNull().as(SURVIVAL_ELIGIBLE), lit(runId).as("run_id"));
  }

  /** SEER summary stage; anything else (or absent) is {@code unknown}, its own category, never dropped. */
  static Column stage(Column raw) {
    return when(raw.isin("localized", "regional", "distant"), raw).otherwise(lit("unknown"));
  }

  /** The ICSS broad age groups (15-44, 45-54, 55-64, 65-74, 75+), with 0-14 for children. */
  static Column ageGroup(Column age) {
    return when(age.lt(15), lit("0-14")).when(age.lt(45), lit("15-44")).when(age.lt(55), lit("45-54"))
        .when(age.lt(65), lit("55-64")).when(age.lt(75), lit("65-74")).otherwise(lit("75+"));
  }
}
