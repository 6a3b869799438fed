package org.oncoindicators.pipeline;

import org.apache.spark.sql.SparkSession;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.RunContext;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.terminology.TumourTerminology;

/**
 * What every stage is given: the session, the warehouse, the validated configuration, the run and
 * the tumour terminology (read before Spark starts).
 */
public record StageContext(SparkSession spark, Warehouse warehouse, PipelineConfig config, RunContext run,
                           TumourTerminology terminology) {}
