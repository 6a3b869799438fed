package org.oncoindicators.ingest.omop;

import java.util.List;
import java.util.Locale;

/** The OMOP CDM v5.4 tables the mapping reads, with the columns it needs and those it uses when present. */
enum CdmTable {
  PERSON(true, List.of("person_id", "gender_concept_id", "year_of_birth"),
      List.of("gender_source_value", "month_of_birth", "day_of_birth", "location_id", "care_site_id")),
  OBSERVATION_PERIOD(true, List.of("person_id", "observation_period_end_date"), List.of()),
  VISIT_OCCURRENCE(true, List.of("visit_occurrence_id", "person_id", "visit_concept_id", "visit_start_date"),
      List.of("visit_end_date", "care_site_id", "visit_source_value")),
  CONDITION_OCCURRENCE(true, List.of("condition_occurrence_id", "person_id", "condition_start_date", "condition_source_value"),
      List.of("visit_occurrence_id", "condition_status_concept_id", "condition_status_source_value")),
  PROCEDURE_OCCURRENCE(true, List.of("procedure_occurrence_id", "person_id", "procedure_date", "procedure_source_value"),
      List.of("visit_occurrence_id")),
  DRUG_EXPOSURE(false, List.of("drug_exposure_id", "person_id", "drug_exposure_start_date", "drug_source_value"),
      List.of("visit_occurrence_id")),
  DEATH(true, List.of("person_id", "death_date"), List.of("cause_source_value")),
  CARE_SITE(true, List.of("care_site_id"),
      List.of("care_site_name", "care_site_source_value", "location_id", "place_of_service_source_value")),
  LOCATION(true, List.of("location_id"), List.of("state", "location_source_value"));

  private final boolean required;
  private final List<String> requiredColumns;
  private final List<String> optionalColumns;

  CdmTable(boolean required, List<String> requiredColumns, List<String> optionalColumns) {
    this.required = required;
    this.requiredColumns = requiredColumns;
    this.optionalColumns = optionalColumns;
  }

  /** The table's name as files are named after it ({@code person}, {@code care_site}). */
  String tableName() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean required() {
    return required;
  }

  List<String> requiredColumns() {
    return requiredColumns;
  }

  List<String> optionalColumns() {
    return optionalColumns;
  }
}
