package org.oncoindicators.cli;

import org.apache.spark.sql.SparkSession;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.RunContext;
import org.oncoindicators.ops.WarehouseLock;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.spark.SparkSessions;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.terminology.TumourTerminology;

/** Builds the stage context of a command from its validated configuration (reference data read before Spark starts). */
final class Session {
  private Session() {}

  static StageContext open(PipelineConfig config) {
    PipelineConfig.Reference r = config.reference();
    TumourTerminology terminology = TumourTerminology.load(r.cancerGroups(), r.morphologyGroups(), r.siteMorphology(),
        r.icd9cmGem());
    SparkSession spark = SparkSessions.create(config.spark(), config.warehouse());
    return new StageContext(spark, new Warehouse(spark, config.warehouse()), config, RunContext.of(config), terminology);
  }

  /** Takes the warehouse's run lock (see {@link WarehouseLock}) before any Spark work. */
  static WarehouseLock lock(PipelineConfig config) {
    return WarehouseLock.acquire(config.warehouse(), SparkSessions.hadoopConf(config.spark()));
  }
}
