package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The centres extract: one row per {@code care_site}, its kind read from {@code place_of_service_source_value}. */
final class OmopCenters {
  private OmopCenters() {}

  static Dataset<Row> build(OmopTable careSite, CareSites sites) {
    Dataset<Row> withRegion = sites.withRegion(careSite.rows(), col("location_id"), "_region");
    return withRegion.select(
        col(OmopTable.FILE).as("source_file"),
        ContractRows.rawRecord(col(OmopTable.ROW).as("care_site")),
        col(OmopTable.MALFORMED).as("malformed"),
        CareSites.centerIdOf(withRegion).as("center_id"),
        col("care_site_name").as("name"),
        col("_region").as("region"),
        kind(col("place_of_service_source_value")).as("kind"));
  }

  /**
   * The centre kind a place-of-service source value names: a kind spelled as in the contract, else
   * Korean and English institution types (docs/omop.md has the table), else {@code other}.
   */
  static Column kind(Column placeOfService) {
    Column pos = regexp_replace(lower(placeOfService), "[\\s-]+", "_");
    return when(pos.isin("national", "regional_cancer_center", "hub", "spoke", "clinic", "other"), pos)
        .when(pos.contains("국립암센터").or(pos.contains("national_cancer")), lit("national"))
        .when(pos.contains("지역암센터").or(pos.contains("regional_cancer")), lit("regional_cancer_center"))
        .when(pos.contains("상급종합").or(pos.contains("tertiary")), lit("hub"))
        .when(pos.contains("종합병원").or(pos.contains("general_hospital")), lit("spoke"))
        .when(pos.contains("의원").or(pos.contains("clinic")).or(pos.contains("office")), lit("clinic"))
        .otherwise(lit("other"));
  }
}
