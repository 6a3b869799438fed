package org.oncoindicators.spark;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.config.WarehouseLocation;

/** Builds the one SparkSession a job uses: Delta enabled, UTC, quiet; local only when no master is given. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(PipelineConfig.SparkSettings settings, WarehouseLocation warehouse) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName("OncoIndicators")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", settings.shufflePartitions())
        .config("spark.sql.warehouse.dir", warehouse.resolve("_catalog"))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.debug.maxToStringFields", "500")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.databricks.delta.retentionDurationCheck.enabled", "true");
    SparkConf submitted = new SparkConf();
    for (Map.Entry<String, String> e : settings.conf().entrySet()) {
      if (!submitted.contains(e.getKey())) {
        builder.config(e.getKey(), e.getValue());
      }
    }
    if (!submitted.contains("spark.master")) {
      builder.master(settings.master())
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /**
   * Hadoop settings for reaching the warehouse before Spark starts (the run lock): the
   * {@code spark.hadoop.*} entries of spark-submit's settings and of {@code spark.conf}, the former winning,
   * as Spark itself would apply them.
   */
  public static Configuration hadoopConf(PipelineConfig.SparkSettings settings) {
    Configuration hadoop = new Configuration();
    SparkConf submitted = new SparkConf();
    for (Map.Entry<String, String> e : settings.conf().entrySet()) {
      if (!submitted.contains(e.getKey())) {
        submitted.set(e.getKey(), e.getValue());
      }
    }
    for (scala.Tuple2<String, String> e : submitted.getAll()) {
      if (e._1().startsWith(HADOOP_PREFIX)) {
        hadoop.set(e._1().substring(HADOOP_PREFIX.length()), e._2());
      }
    }
    return hadoop;
  }

  private static final String HADOOP_PREFIX = "spark.hadoop.";
}
