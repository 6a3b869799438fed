package org.oncoindicators.spark;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.oncoindicators.config.PipelineConfig;

/** Builds the one SparkSession a job uses: Delta enabled, UTC, quiet; local only when no master is given. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(PipelineConfig.SparkSettings settings, Path warehouse) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName("OncoIndicators")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", settings.shufflePartitions())
        .config("spark.sql.warehouse.dir", warehouse.resolve("_catalog").toUri().toString())
        .config("spark.ui.enabled", "false")
        .config("spark.sql.debug.maxToStringFields", "500")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.databricks.delta.retentionDurationCheck.enabled", "true");
    if (!new SparkConf().contains("spark.master")) {
      builder.master(settings.master())
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
