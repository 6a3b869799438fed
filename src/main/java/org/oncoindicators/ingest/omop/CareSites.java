package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Care sites as the pipeline's centres: a care site's centre id is its {@code care_site_source_value},
 * else its {@code care_site_id}; a location's region is the ISO code of {@code state}, else of
 * {@code location_source_value}. The same ids are used in the three extracts, so they join. A
 * duplicated care site or location id is not resolved here: it doubles the rows that point to it,
 * and the row rules quarantine the copies as duplicates.
 */
final class CareSites {
  private static final String SITE_ID = "_site_id";
  private static final String SITE_CENTER = "_site_center";
  private static final String LOCATION_ID = "_location_id";
  private static final String LOCATION_NAME = "_location_name";

  private final Dataset<Row> centerIds;
  private final Dataset<Row> locations;
  private final RegionNames regions;

  CareSites(OmopTable careSite, OmopTable location, RegionNames regions) {
    this.centerIds = careSite.rows().select(col("care_site_id").as(SITE_ID), centerIdOf(careSite.rows()).as(SITE_CENTER));
    this.locations = location.rows().select(col("location_id").as(LOCATION_ID),
        coalesce(col("state"), col("location_source_value")).as(LOCATION_NAME));
    this.regions = regions;
  }

  /** The centre id of a care site row itself. */
  static Column centerIdOf(Dataset<Row> careSiteRows) {
    return coalesce(careSiteRows.col("care_site_source_value"), careSiteRows.col("care_site_id"));
  }

  /** Adds {@code as}: the centre id of the care site in {@code careSiteId} (the id itself when the care site is not in the table). */
  Dataset<Row> withCenter(Dataset<Row> rows, Column careSiteId, String as) {
    return rows.join(centerIds, careSiteId.equalTo(col(SITE_ID)), "left")
        .withColumn(as, coalesce(col(SITE_CENTER), careSiteId)).drop(SITE_ID, SITE_CENTER);
  }

  /** Adds {@code as}: the ISO 3166-2 region of the location in {@code locationId}. */
  Dataset<Row> withRegion(Dataset<Row> rows, Column locationId, String as) {
    Dataset<Row> named = rows.join(locations, locationId.equalTo(col(LOCATION_ID)), "left");
    return regions.withIso(named, col(LOCATION_NAME), as).drop(LOCATION_ID, LOCATION_NAME);
  }
}
