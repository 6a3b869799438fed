package org.oncoindicators.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.config.WarehouseLocation;
import org.oncoindicators.tables.Warehouse;

/** Builds the one SparkSession a job uses: Delta enabled, UTC, quiet; local only when no master is given. */
public final class SparkSessions {
  /** Compiled query classes kept for reuse (Spark's default is 100): a few runs' worth, kilobytes each. */
  static final int CODEGEN_CACHE_ENTRIES = 4096;

  /** Session default of the table property {@code delta.dataSkippingStatsColumns} for new tables. */
  private static final String DEFAULT_STATS_COLUMNS = "spark.databricks.delta.properties.defaults.dataSkippingStatsColumns";

  /** Spark's (internal) switch between ICU and the JVM for upper/lower on UTF8_BINARY strings. */
  private static final String ICU_CASE_MAPPINGS = "spark.sql.icu.caseMappings.enabled";

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
        .config("spark.databricks.delta.retentionDurationCheck.enabled", "true")
        // Delta keeps min/max/null-count statistics of a new table's first 32 columns for every file
        // written: 10 % of the executors' time ingesting 5M claim lines. Rows are in no order of
        // centre, patient or code, so those columns' ranges skip no file; run_id's do (a rerun
        // replaces its run, a reader selects one). Tables created from here on keep run_id's only
        // (and the row count); spark.conf can set another list.
        .config(DEFAULT_STATS_COLUMNS, Warehouse.RUN_ID)
        // upper() maps case with ICU by default; with the JVM's mapping instead (the same for the ASCII
        // codes read here) the cohort stage at 1M, which upper-cases every code of every claim line
        // (CodePrefixes.compact), took 138.9 s instead of 167.0 s, silver tables identical.
        .config(ICU_CASE_MAPPINGS, "false")
        // a 400-patient nightly generates 1,409 distinct classes; with Spark's default cache of 100 it
        // compiled 1,957 times, and all of them again in the next run of a long-lived JVM
        .config("spark.sql.codegen.cache.maxEntries", String.valueOf(CODEGEN_CACHE_ENTRIES));
    SparkConf effective = effectiveConf(settings);
    settings.conf().keySet().forEach(k -> builder.config(k, effective.get(k)));
    if (!effective.contains("spark.master")) {
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
    for (scala.Tuple2<String, String> e : effectiveConf(settings).getAll()) {
      if (e._1().startsWith(HADOOP_PREFIX)) {
        hadoop.set(e._1().substring(HADOOP_PREFIX.length()), e._2());
      }
    }
    return hadoop;
  }

  /** spark-submit's settings (system properties), with {@code spark.conf}'s entries where spark-submit gave none. */
  private static SparkConf effectiveConf(PipelineConfig.SparkSettings settings) {
    SparkConf conf = new SparkConf();
    settings.conf().forEach(conf::setIfMissing);
    return conf;
  }

  private static final String HADOOP_PREFIX = "spark.hadoop.";
}
