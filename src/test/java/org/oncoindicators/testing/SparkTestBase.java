package org.oncoindicators.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.config.WarehouseLocation;
import org.oncoindicators.spark.SparkSessions;

/** One local Spark session for the whole test JVM (sessions take seconds to start), with Delta enabled. */
public abstract class SparkTestBase {
  private static SparkSession spark;
  private static Path scratch;

  protected static synchronized SparkSession spark() {
    if (spark == null) {
      try {
        scratch = Files.createTempDirectory("onco-test");
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      spark = SparkSessions.create(new PipelineConfig.SparkSettings("local[2]", 2, java.util.Map.of()),
          WarehouseLocation.local(scratch.resolve("warehouse")));
    }
    return spark;
  }

  /**
   * Frees what a test class left cached: the session lives for the whole test JVM (2 GB heap), and
   * cached frames of earlier classes starve later ones of execution memory (spills, retries).
   */
  @AfterAll
  static synchronized void clearCachedFrames() {
    if (spark != null) {
      spark.catalog().clearCache();
    }
  }

  /** The project folder (conf/, src/test/resources). */
  protected static Path home() {
    return Path.of(System.getProperty("oncoindicators.home", "")).toAbsolutePath();
  }

  protected static Path resource(String relative) {
    return home().resolve("src/test/resources").resolve(relative);
  }
}
