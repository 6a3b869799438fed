package org.oncoindicators.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.cli.OncoIndicators;
import org.oncoindicators.synth.GeneratorSettings;
import org.oncoindicators.synth.SyntheticExtracts;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.testing.SparkTestBase;

/**
 * A nightly run killed at several points in turn (a separate JVM halted as by {@code kill -9}:
 * right after a table's commit inside ingest, cohort and survival, and after the indicators were
 * written but before the ledger recorded them; each attempt resumes where the last one died), then
 * rerun, ends with exactly the tables of an uninterrupted run.
 */
class KillRecoveryTest extends SparkTestBase {
  private static final String RUN_DATE = "2026-01-15";
  private static Path data;
  private static Path reference;

  @BeforeAll
  static void uninterruptedRun() throws IOException {
    data = Files.createTempDirectory("onco-kill");
    SyntheticExtracts.write(new GeneratorSettings(data.resolve("extracts"), 400, 8, 7L, LocalDate.parse("2025-12-31"),
        home().resolve("conf")));
    reference = data.resolve("reference");
    spark().catalog().clearCache();
    assertEquals(0, OncoIndicators.run(args(reference).toArray(String[]::new)));
  }

  private static List<String> args(Path warehouse) {
    Path x = data.resolve("extracts");
    return List.of("nightly", "--run-date", RUN_DATE, "--registry", x.resolve("registry.csv").toString(),
        "--claims", x.resolve("claims.csv").toString(), "--centers", x.resolve("centers.csv").toString(),
        "--life-table", x.resolve("lifetable.csv").toString(), "--warehouse", warehouse.toString(),
        "--config", resource("catalogues/one-of-each-run.conf").toString());
  }

  /** Runs the nightly job in its own JVM with a fault point armed; returns its exit code. */
  private static int killedRun(Path warehouse, String faultPoint) throws IOException, InterruptedException {
    Path target = home().resolve("target");
    String classpath = target.resolve("classes") + java.io.File.pathSeparator
        + Files.readString(target.resolve("classpath.txt")).trim();
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(List.of(Files.readString(target.resolve("module-flags.txt")).trim().split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-Doncoindicators.home=" + home(), "-D" + FaultInjection.PROPERTY + "=" + faultPoint,
        "-Dlog4j2.configurationFile=" + home().resolve("conf/log4j2.properties"), "-cp", classpath,
        "org.oncoindicators.cli.OncoIndicators"));
    command.addAll(args(warehouse));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(data.resolve("killed-" + faultPoint.replace(':', '_') + ".log").toFile()).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "killed run did not end");
    return p.exitValue();
  }

  /** Columns in one order, doubles rounded to 1e-9 (sums over partitions may differ in the last bits). */
  private static Dataset<Row> comparable(Dataset<Row> table) {
    String[] names = table.columns().clone();
    java.util.Arrays.sort(names);
    return table.select(java.util.Arrays.stream(names).map(n -> table.schema().apply(n).dataType()
        .equals(org.apache.spark.sql.types.DataTypes.DoubleType)
        ? org.apache.spark.sql.functions.round(org.apache.spark.sql.functions.col(n), 9).as(n)
        : org.apache.spark.sql.functions.col(n)).toArray(org.apache.spark.sql.Column[]::new));
  }

  @Test
  void runKilledAtFourPointsInTurnThenRerunEndsWithTheTablesOfAnUninterruptedRun() throws Exception {
    Path warehouse = data.resolve("killed");
    for (String faultPoint : List.of("committed:bronze.registry", "committed:silver.tumours", "committed:gold.survival",
        "finished:indicators")) {
      assertEquals(FaultInjection.EXIT_CODE, killedRun(warehouse, faultPoint), "the run died at " + faultPoint
          + " (each attempt resumes where the previous one died)");
    }
    spark().catalog().clearCache();
    assertEquals(0, OncoIndicators.run(args(warehouse).toArray(String[]::new)), "the rerun completes");
    String faultPoint = "four kills";
    Warehouse expected = new Warehouse(spark(), reference);
    Warehouse actual = new Warehouse(spark(), warehouse);
    for (TableId t : TableId.values()) {
      if (t == TableId.OPS_RUNS) {
        continue;
      }
      assertEquals(expected.exists(t), actual.exists(t), t.qualifiedName());
      if (expected.exists(t)) {
        Dataset<Row> a = comparable(expected.read(t));
        Dataset<Row> b = comparable(actual.read(t));
        assertEquals(0, a.exceptAll(b).count() + b.exceptAll(a).count(), t.qualifiedName() + " differs after "
            + faultPoint);
      }
    }
    assertTrue(actual.read(TableId.OPS_RUNS).filter("status = 'succeeded'").count() >= 5);
  }
}
