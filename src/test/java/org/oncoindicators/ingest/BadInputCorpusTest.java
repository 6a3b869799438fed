package org.oncoindicators.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncoindicators.cli.OncoIndicators;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.testing.SparkTestBase;

/**
 * The bad-input corpus (src/test/resources/bad-input) through the command line, each case with the
 * outcome ../shared/docs/extracts.md assigns it: a file-level problem fails the run with one line
 * naming the file and the problem, exit 1, and leaves every table but ops.runs as it was; a
 * row-level problem is quarantined with its code and line, the run goes on, and every row read is
 * accounted for.
 */
class BadInputCorpusTest extends SparkTestBase {
  private static Path warehouse;

  /** Exit code and what the run printed on stderr. */
  private record Outcome(int code, String stderr) {}

  private static Path corpus(String file) {
    return resource("bad-input/" + file);
  }

  private static Outcome ingest(Path wh, String registry, String... extra) {
    List<String> args = new ArrayList<>(List.of("stage", "ingest", "--run-date", "2025-01-15",
        "--registry", corpus(registry).toString(), "--centers", resource("extracts/centers.csv").toString(),
        "--warehouse", wh.toString()));
    args.addAll(List.of(extra));
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      spark().catalog().clearCache();
      return new Outcome(OncoIndicators.run(args.toArray(String[]::new)), captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  @BeforeAll
  static void ingestTheGoodExtract() throws IOException {
    warehouse = Files.createTempDirectory("onco-corpus").resolve("warehouse");
    assertEquals(0, ingest(warehouse, "registry.csv").code());
  }

  private static Map<TableId, Long> versions() {
    Warehouse w = new Warehouse(spark(), warehouse);
    Map<TableId, Long> out = new LinkedHashMap<>();
    for (TableId t : TableId.values()) {
      if (t != TableId.OPS_RUNS && w.exists(t)) {
        out.put(t, w.version(t));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "empty.csv|the extract is empty",
      "semicolons.csv|split by ';', not by commas",
      "missing-column.csv|required column 'sex' is missing",
      "renamed-column.csv|ingest.column-aliases",
      "not-utf8.csv|line 7: not UTF-8 text",
      "identifier-column.csv|'phone' looks like a direct identifier",
      "rrn-value.csv|line 12: a value shaped like a resident registration number"})
  void fileLevelProblemFailsTheRunAndChangesNoTable(String file, String problem) {
    Map<TableId, Long> before = versions();
    long failedBefore = failedRuns();
    Outcome out = ingest(warehouse, file);
    assertEquals(1, out.code(), out.stderr());
    String error = out.stderr().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
    assertTrue(error.contains(file) && error.contains(problem), "one line naming the file and the problem: " + error);
    assertEquals(before, versions(), "no table but ops.runs changes");
    assertEquals(failedBefore + 1, failedRuns(), "the failed attempt is in ops.runs");
  }

  private static long failedRuns() {
    return new Warehouse(spark(), warehouse).read(TableId.OPS_RUNS).filter("status = 'failed'").count();
  }

  @Test
  void configWithATypoStopsBeforeSparkWorkNamingTheKey() throws IOException {
    Path conf = Files.createTempFile("typo", ".conf");
    Files.writeString(conf, "oncoindicators.ingest.max-field-lenght = 5\n");
    Map<TableId, Long> before = versions();
    Outcome out = ingest(warehouse, "registry.csv", "--config", conf.toString());
    assertEquals(1, out.code());
    assertTrue(out.stderr().contains("unknown key 'oncoindicators.ingest.max-field-lenght'")
        && out.stderr().contains("line 1"), out.stderr());
    assertEquals(before, versions());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "truncated.csv|MALFORMED_ROW:41",
      "wrong-types.csv|INVALID_AGE:5,INVALID_DATE:9",
      "huge-field.csv|FIELD_TOO_LONG:14",
      "future-date.csv|FUTURE_DATE:11",
      "duplicated|DUPLICATE_ROW:2,DUPLICATE_ROW:3"})
  void rowLevelProblemIsQuarantinedWithItsCodeAndTheRunGoesOn(String file, String expected) throws IOException {
    Path wh = Files.createTempDirectory("onco-rows").resolve("warehouse");
    Outcome out = ingest(wh, file);
    assertEquals(0, out.code(), out.stderr());
    Warehouse w = new Warehouse(spark(), wh);
    List<String> quarantined = w.read(TableId.BRONZE_QUARANTINE).filter("source = 'registry'")
        .orderBy("reason_code", "line_number").collectAsList().stream()
        .map(r -> r.<String>getAs("reason_code") + ":" + r.getAs("line_number")).toList();
    assertEquals(List.of(expected.split(",")), quarantined);
    Map<String, Long> outcomes = new LinkedHashMap<>();
    for (Row r : w.read(TableId.OPS_DATA_QUALITY).filter("source = 'registry'").collectAsList()) {
      outcomes.merge(r.<String>getAs("outcome"), r.<Long>getAs("rows"), Long::sum);
    }
    assertEquals(outcomes.get("read"), outcomes.get("accepted") + outcomes.getOrDefault("quarantined", 0L),
        "every row read is accepted or quarantined: " + outcomes);
    assertEquals(w.read(TableId.BRONZE_REGISTRY).count(), outcomes.get("accepted"));
  }

  @Test
  void extraColumnIsKeptIgnoredAndNamedInTheLog() throws IOException {
    Path wh = Files.createTempDirectory("onco-extra").resolve("warehouse");
    Outcome out = ingest(wh, "extra-column.csv");
    assertEquals(0, out.code(), out.stderr());
    assertTrue(out.stderr().contains("ward"), "the extra column is listed in the run log: " + out.stderr());
    assertEquals(40, new Warehouse(spark(), wh).read(TableId.BRONZE_REGISTRY).count());
  }
}
