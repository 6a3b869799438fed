package org.oncoindicators.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/**
 * The stages report the rows they wrote from the Delta commit instead of counting the table again:
 * that figure must be the run's rows, also when the commit rewrote a file holding other runs' rows
 * (those are copied, not written for this run) and when Delta was told to keep no metrics.
 */
class WrittenRowsTest extends SparkTestBase {
  private static final TableId TABLE = TableId.GOLD_SPECIALISATION;

  private static Dataset<Row> rows(String runId, int n) {
    return spark().range(n).selectExpr("'" + runId + "' AS run_id", "CAST(id AS INT) AS n");
  }

  private static long counted(Warehouse w, String runId) {
    return w.read(TABLE).filter("run_id = '" + runId + "'").count();
  }

  @Test
  void aRunsRowsAreWhatItsCommitWroteLessTheRowsCopiedFromARewrittenFile() throws IOException {
    Warehouse w = new Warehouse(spark(), Files.createTempDirectory("onco-written"));
    // one file holding two runs, as a compaction would leave it
    rows("2026-01-01", 3).unionByName(rows("2026-02-01", 5)).coalesce(1)
        .write().format("delta").save(w.location(TABLE));
    w.replaceRun(TABLE, rows("2026-01-01", 4), "2026-01-01");
    assertEquals(4, w.rowsOfRun(TABLE, "2026-01-01"), "the 5 rows of the other run were copied, not written");
    assertEquals(4, counted(w, "2026-01-01"));
    assertEquals(5, counted(w, "2026-02-01"));

    // an empty write that replaces nothing commits nothing: the latest commit is another run's
    w.replaceRun(TABLE, rows("2026-03-01", 0), "2026-03-01");
    assertEquals(0, w.rowsOfRun(TABLE, "2026-03-01"));
    w.replaceRun(TABLE, rows("2026-01-01", 0), "2026-01-01");
    assertEquals(0, w.rowsOfRun(TABLE, "2026-01-01"), "a rerun that writes no rows removes the 4");

    w.overwrite(TableId.SILVER_CARE_PATHS, rows("2026-01-01", 6));
    w.overwrite(TableId.SILVER_CARE_PATHS, rows("2026-01-01", 2));
    assertEquals(2, w.rowsWritten(TableId.SILVER_CARE_PATHS));
  }

  @Test
  void withoutCommitMetricsTheRowsAreCounted() throws IOException {
    Warehouse w = new Warehouse(spark(), Files.createTempDirectory("onco-written"));
    String key = "spark.databricks.delta.history.metricsEnabled";
    spark().conf().set(key, "false");
    try {
      w.replaceRun(TABLE, rows("2026-01-01", 3), "2026-01-01");
      w.replaceRun(TABLE, rows("2026-02-01", 2), "2026-02-01");
      assertEquals(2, w.rowsOfRun(TABLE, "2026-02-01"));
      w.overwrite(TableId.SILVER_CARE_PATHS, rows("2026-02-01", 6));
      assertEquals(6, w.rowsWritten(TableId.SILVER_CARE_PATHS));
    } finally {
      spark().conf().unset(key);
    }
  }
}
