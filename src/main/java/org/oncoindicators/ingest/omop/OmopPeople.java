package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One row per person with what the extracts take from {@code person}: sex, birth date, residence region and home centre. */
final class OmopPeople {
  static final String PERSON_ID = "person_person_id";
  static final String SEX = "person_sex";
  static final String BIRTH_DATE = "person_birth_date";
  static final String REGION = "person_region";
  static final String HOME_CENTER = "person_center";
  static final String ROW = "person_row";
  static final String MALFORMED = "person_malformed";

  private OmopPeople() {}

  static Dataset<Row> of(OmopTable person, CareSites sites) {
    Dataset<Row> p = person.rows().select(
        col("person_id").as(PERSON_ID),
        OmopValues.sex(col("gender_concept_id"), col("gender_source_value")).as(SEX),
        OmopValues.birthDate(col("year_of_birth"), col("month_of_birth"), col("day_of_birth")).as(BIRTH_DATE),
        col("location_id").as("_person_location"), col("care_site_id").as("_person_site"),
        col(OmopTable.ROW).as(ROW), col(OmopTable.MALFORMED).as(MALFORMED));
    Dataset<Row> withRegion = sites.withRegion(p, col("_person_location"), REGION);
    return sites.withCenter(withRegion, col("_person_site"), HOME_CENTER).drop("_person_location", "_person_site");
  }
}
