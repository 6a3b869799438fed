package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.oncoindicators.terminology.Icd10Codes;

/**
 * The registry extract from {@code condition_occurrence}: a person's first condition in each ICD-10
 * category C00–C97 (by start date, then row id) is one primary tumour; the other columns come from
 * {@code person}, the condition's visit, {@code death} and the person's last contact. Secondary
 * sites (C77–C79) are metastases of a primary coded elsewhere, so they make a tumour only for a
 * person with no other malignant category (an unknown primary, as registries code it).
 */
final class OmopRegistry {
  /** ICD-10 / KCD categories of malignant neoplasms of stated or presumed primary sites (chapter II, C00–C97). */
  static final String MALIGNANT_CATEGORY = "^C([0-8][0-9]|9[0-7])$";
  /** Secondary malignant neoplasms of lymph nodes, respiratory and digestive, and other sites. */
  static final String SECONDARY_CATEGORY = "^C7[7-9]$";
  private static final String CATEGORY = "_category";
  private static final String START = "_start";

  private OmopRegistry() {}

  static Dataset<Row> build(OmopTable condition, Dataset<Row> people, Dataset<Row> visits, Dataset<Row> deaths,
                            Dataset<Row> lastSeen, double daysPerYear) {
    Dataset<Row> first = firstPerCategory(condition)
        .join(OmopVisits.lookup(visits), col("visit_occurrence_id").equalTo(col(OmopVisits.VISIT_ID)), "left")
        .join(people, col("person_id").equalTo(col(OmopPeople.PERSON_ID)), "left")
        .join(deaths, col("person_id").equalTo(col(OmopFollowUp.PERSON_ID)), "left")
        .join(lastSeen.withColumnRenamed(OmopFollowUp.PERSON_ID, "_seen_person"),
            col("person_id").equalTo(col("_seen_person")), "left");
    Column dead = col(OmopFollowUp.PERSON_ID).isNotNull();
    Column diagnosis = OmopValues.date(col("condition_start_date"));
    Column age = bround(datediff(diagnosis, col(OmopPeople.BIRTH_DATE)).divide(daysPerYear), 4);
    return first.select(
        col(OmopTable.FILE).as("source_file"),
        ContractRows.rawRecord(col(OmopTable.ROW).as("condition_occurrence"), col(OmopPeople.ROW).as("person"),
            col(OmopFollowUp.DEATH_ROW).as("death")),
        col(OmopTable.MALFORMED).or(coalesce(col(OmopPeople.MALFORMED), lit(false))).as("malformed"),
        concat(col("person_id"), lit("-"), col(CATEGORY)).as("tumor_id"),
        col("person_id").as("patient_id"),
        coalesce(col(OmopVisits.CENTER), col(OmopPeople.HOME_CENTER)).as("center_id"),
        col(OmopPeople.SEX).as("sex"),
        age.cast(DataTypes.StringType).as("age_at_diagnosis"),
        OmopValues.dateText(col("condition_start_date")).as("diagnosis_date"),
        col(OmopPeople.REGION).as("residence_region"),
        col("condition_source_value").as("icd10"),
        when(dead, lit("dead")).otherwise(lit("alive")).as("vital_status"),
        when(dead, col(OmopFollowUp.DEATH_DATE)).otherwise(date_format(col(OmopFollowUp.LAST_SEEN), "yyyy-MM-dd"))
            .as("last_contact_date"),
        col(OmopFollowUp.CAUSE).as("cause_of_death"));
  }

  /** A person's first condition row in each malignant ICD-10 category. */
  private static Dataset<Row> firstPerCategory(OmopTable condition) {
    Dataset<Row> malignant = condition.rows()
        .withColumn(CATEGORY, Icd10Codes.category(Icd10Codes.canonical(col("condition_source_value"))))
        .filter(col(CATEGORY).rlike(MALIGNANT_CATEGORY))
        .withColumn(START, OmopValues.date(col("condition_start_date")));
    Column secondary = col(CATEGORY).rlike(SECONDARY_CATEGORY);
    Column hasPrimarySite = max(when(not(secondary), lit(1))).over(Window.partitionBy(col("person_id")));
    return malignant.withColumn("_primary_site", hasPrimarySite)
        .filter(not(secondary).or(col("_primary_site").isNull())).withColumn("_rank", row_number().over(Window.partitionBy(col("person_id"), col(CATEGORY))
            .orderBy(col(START).asc_nulls_last(), OmopValues.whole(col("condition_occurrence_id")).asc_nulls_last(),
                col("condition_occurrence_id"))))
        .filter(col("_rank").equalTo(1)).drop("_rank", "_primary_site");
  }
}
