package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * ISO 3166-2 codes for the region names OMOP exports put in {@code location.state} ({@code Seoul},
 * {@code 서울특별시}, {@code 서울}, {@code 11}…), from {@code conf/reference/korea_regions.csv}; a name
 * not in the table is kept as delivered, upper-cased.
 */
final class RegionNames {
  static final String ALIAS = "_region_alias";
  static final String ISO = "_region_iso";
  private static final List<String> NAME_COLUMNS =
      List.of("iso_3166_2", "key", "name_en", "name_iso_romanized", "name_ko", "name_ko_former", "kr_admin_sido_code");

  private final Optional<Dataset<Row>> aliases;

  private RegionNames(Optional<Dataset<Row>> aliases) {
    this.aliases = aliases;
  }

  static RegionNames load(SparkSession spark, Optional<Path> regionsCsv) {
    return new RegionNames(regionsCsv.map(p -> {
      Dataset<Row> regions = spark.read().option("header", "true").csv(p.toString());
      Dataset<Row> all = null;
      for (String name : NAME_COLUMNS) {
        Dataset<Row> one = regions.select(key(col(name)).as(ALIAS), col("iso_3166_2").as(ISO));
        all = all == null ? one : all.union(one);
      }
      Column ko = trim(col("name_ko"));
      Column koFormer = trim(col("name_ko_former"));
      return all.union(regions.select(shortKorean(ko).as(ALIAS), col("iso_3166_2").as(ISO)))
          .union(regions.select(shortKorean(koFormer).as(ALIAS), col("iso_3166_2").as(ISO)))
          .filter(col(ALIAS).isNotNull()).distinct();
    }));
  }

  /** Adds {@code as}: the ISO code of the region named in {@code name}, else the name upper-cased. */
  Dataset<Row> withIso(Dataset<Row> rows, Column name, String as) {
    if (aliases.isEmpty()) {
      return rows.withColumn(as, key(name));
    }
    Dataset<Row> keyed = rows.withColumn(ALIAS + "_key", key(name));
    return keyed.join(aliases.get(), keyed.col(ALIAS + "_key").equalTo(aliases.get().col(ALIAS)), "left")
        .withColumn(as, coalesce(col(ISO), col(ALIAS + "_key"))).drop(ALIAS, ISO, ALIAS + "_key");
  }

  private static Column key(Column name) {
    Column t = upper(trim(name));
    return when(t.notEqual(""), t);
  }

  /** The two-syllable short form ({@code 서울특별시} → 서울, {@code 충청북도} → 충북, {@code 경기도} → 경기). */
  private static Column shortKorean(Column ko) {
    Column third = substring(ko, 3, 1);
    return when(ko.isNull().or(length(ko).lt(2)), lit(null))
        .when(length(ko).equalTo(4).and(third.isin("북", "남")), concat(substring(ko, 1, 1), third))
        .otherwise(substring(ko, 1, 2));
  }
}
