package org.oncoindicators.cli;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;

/**
 * The end-of-run report on stdout: every table with its rows, Delta version and location, and how
 * to query it. The rows of all tables are counted by one Spark query (a count per table took a
 * query each: ~10 s of a small run's end, for a report).
 */
final class TableSummary {
  private final Warehouse warehouse;

  TableSummary(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  void print(PrintStream out) {
    List<TableId> tables = java.util.Arrays.stream(TableId.values()).filter(warehouse::exists).toList();
    Map<String, Long> rows = new HashMap<>();
    tables.stream().map(t -> warehouse.read(t).agg(count(lit(1)).as("rows")).select(lit(t.qualifiedName()).as("t"),
            org.apache.spark.sql.functions.col("rows"))).reduce(Dataset::union)
        .ifPresent(counts -> counts.collectAsList().forEach((Row r) -> rows.put(r.getString(0), r.getLong(1))));
    out.printf("Tables in %s%n", warehouse.root());
    out.printf("  %-26s %12s %8s  %s%n", "table", "rows", "version", "location");
    for (TableId t : tables) {
      out.printf("  %-26s %,12d %8d  %s%n", t.qualifiedName(), rows.get(t.qualifiedName()), warehouse.version(t),
          warehouse.location(t));
    }
    out.println();
    out.println("Query them (Spark SQL, Delta time travel with VERSION AS OF):");
    out.printf("  jobs/query --warehouse %s \"SELECT * FROM gold.survival WHERE center_id='ALL' ORDER BY cancer_group, horizon_years\"%n",
        warehouse.root());
    out.println("  jobs/query --format csv \"SELECT source, reason_code, rows FROM ops.data_quality\"");
  }
}
