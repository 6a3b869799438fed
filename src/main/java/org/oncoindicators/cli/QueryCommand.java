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
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs Spark SQL over the warehouse with its tables registered as layer.table (those the statement
 * names, or all); only the result goes to stdout, a failing statement gives one line on stderr.
 */
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
    Warehouse w = new Warehouse(spark, config.warehouse());
    // registering a table reads its Delta log: register only those the statement names (all when it names none)
    String lower = sql.toLowerCase(java.util.Locale.ROOT).replace("`", "");
    java.util.Set<TableId> named = java.util.EnumSet.noneOf(TableId.class);
    for (TableId t : TableId.values()) {
      if (lower.matches("(?s).*\\b" + java.util.regex.Pattern.quote(t.qualifiedName()) + "\\b.*")) {
        named.add(t);
      }
    }
    w.register(named.isEmpty() ? java.util.EnumSet.allOf(TableId.class) : named);
    try {
      Dataset<Row> result = spark.sql(sql);
      new QueryOutput(format).write(result, System.out);
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes but thrown unchecked
      String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
      throw new ConfigError("bad query: " + msg);
    }
    return 0;
  }
}
