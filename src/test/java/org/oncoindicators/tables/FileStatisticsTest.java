package org.oncoindicators.tables;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/**
 * Tables keep per-file statistics of {@code run_id} only (and the row count): collecting every
 * column's took a tenth of the executors' time ingesting claims, and skipped no file.
 */
class FileStatisticsTest extends SparkTestBase {
  private static Dataset<Row> rows(String runId, int n) {
    return spark().range(n).selectExpr("CAST(id AS STRING) AS patient_id", "CAST(id AS INT) AS n",
        "'" + runId + "' AS run_id");
  }

  /** The statistics of the table's non-empty data files, as its log records them. */
  private static List<JsonNode> stats(Warehouse w, TableId id) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String s : spark().read().json(w.location(id) + "/_delta_log/*.json").filter(col("add").isNotNull())
        .select(col("add.stats")).as(Encoders.STRING()).collectAsList()) {
      JsonNode node = new ObjectMapper().readTree(s);
      if (node.get("numRecords").asLong() > 0) {
        out.add(node);
      }
    }
    return out;
  }

  @Test
  void filesKeepTheRowCountAndTheRangeOfRunIdOnly() throws IOException {
    Warehouse w = new Warehouse(spark(), Files.createTempDirectory("onco-stats"));
    w.replaceRun(TableId.GOLD_SPECIALISATION, rows("2026-01-01", 3), "2026-01-01");
    w.replaceRun(TableId.GOLD_SPECIALISATION, rows("2026-02-01", 2), "2026-02-01");
    w.overwrite(TableId.SILVER_CARE_PATHS, rows("2026-03-01", 4));
    List<JsonNode> files = new ArrayList<>(stats(w, TableId.GOLD_SPECIALISATION));
    files.addAll(stats(w, TableId.SILVER_CARE_PATHS));
    assertTrue(files.size() >= 3, "each write left at least one file: " + files);
    long rows = 0;
    for (JsonNode f : files) {
      List<String> columns = new ArrayList<>();
      f.get("minValues").fieldNames().forEachRemaining(columns::add);
      assertEquals(List.of("run_id"), columns, f.toString());
      assertEquals(f.get("minValues").get("run_id"), f.get("maxValues").get("run_id"), "one run per file: " + f);
      rows += f.get("numRecords").asLong();
    }
    assertEquals(3 + 2 + 4, rows);
  }
}
