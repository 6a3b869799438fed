package org.oncoindicators.cli;

import java.io.PrintStream;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;

/** The end-of-run report on stdout: every table with its rows, Delta version and location, and how to query it. */
final class TableSummary {
  private final Warehouse warehouse;

  TableSummary(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  void print(PrintStream out) {
    out.printf("Tables in %s%n", warehouse.root());
    out.printf("  %-26s %12s %8s  %s%n", "table", "rows", "version", "location");
    for (TableId t : TableId.values()) {
      if (warehouse.exists(t)) {
        out.printf("  %-26s %,12d %8d  %s%n", t.qualifiedName(), warehouse.read(t).count(), warehouse.version(t),
            warehouse.location(t));
      }
    }
    out.println();
    out.println("Query them (Spark SQL, Delta time travel with VERSION AS OF):");
    out.printf("  jobs/query --warehouse %s \"SELECT * FROM gold.survival WHERE center_id='ALL' ORDER BY cancer_group, horizon_years\"%n",
        warehouse.root());
    out.println("  jobs/query --format csv \"SELECT source, reason_code, rows FROM ops.data_quality\"");
  }
}
