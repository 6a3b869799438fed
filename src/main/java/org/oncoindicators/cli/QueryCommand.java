package org.oncoindicators.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.config.ConfigLoader;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.spark.SparkSessions;
import org.oncoindicators.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs Spark SQL over the warehouse with every table registered as layer.table; only the result goes to stdout. */
@Command(name = "query", description = "Run Spark SQL over the warehouse (tables as bronze.*, silver.*, gold.*, ops.*).")
final class QueryCommand implements Callable<Integer> {
  @Option(names = "--warehouse", description = "Delta warehouse folder (default warehouse/ in the project)")
  String warehouse;

  @Option(names = "--format", defaultValue = "table", description = "table (default), csv or json")
  QueryOutput.Format format;

  @Parameters(index = "0", description = "the SQL statement")
  String sql;

  @Override
  public Integer call() {
    java.util.Map<String, Object> flags = new java.util.HashMap<>();
    if (warehouse != null) {
      flags.put("warehouse", warehouse);
    }
    PipelineConfig config = new ConfigLoader(OncoIndicators.home()).load(Optional.empty(), flags);
    SparkSession spark = SparkSessions.create(config.spark(), config.warehouse());
    new Warehouse(spark, config.warehouse()).registerAll();
    Dataset<Row> result;
    try {
      result = spark.sql(sql);
    } catch (RuntimeException e) {
      String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
      throw new ConfigError("bad query: " + msg);
    }
    new QueryOutput(format).write(result, System.out);
    return 0;
  }
}
