package org.oncoindicators.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.cli.OncoIndicators;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.testing.ChildJvm;
import org.oncoindicators.testing.ReferenceRun;
import org.oncoindicators.testing.SparkTestBase;

/**
 * A nightly run killed at two points in turn (a separate JVM halted as by {@code kill -9}: right
 * after one table's commit inside a stage — bronze.registry, before the stage's other tables — and
 * after a stage's tables were all written but before the ledger recorded it — the indicators; the
 * second attempt resumes where the first died), then rerun, ends with exactly the tables of an
 * uninterrupted run. The two are the two ways a run can die: inside a stage, and between a stage's
 * commits and its ledger row (a third point inside survival, tried before, cost a cold JVM in CI
 * and showed nothing these two do not).
 */
class KillRecoveryTest extends SparkTestBase {
  private static Path data;

  @BeforeAll
  static void uninterruptedRun() {
    data = ReferenceRun.data();
  }

  private static List<String> args(Path warehouse) {
    return ReferenceRun.nightlyArgs(warehouse);
  }

  /** Runs the nightly job in its own JVM with a fault point armed; returns its exit code. */
  private static int killedRun(Path warehouse, String faultPoint) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(ChildJvm.command("org.oncoindicators.cli.OncoIndicators",
        List.of("-Xmx1g", "-D" + FaultInjection.PROPERTY + "=" + faultPoint)));
    command.addAll(args(warehouse));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(data.resolve("killed-" + faultPoint.replace(':', '_') + ".log").toFile()).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "killed run did not end");
    return p.exitValue();
  }

  @Test
  void runKilledAtTwoPointsInTurnThenRerunEndsWithTheTablesOfAnUninterruptedRun() throws Exception {
    Path warehouse = data.resolve("killed").resolve("warehouse");
    for (String faultPoint : List.of("committed:bronze.registry", "finished:indicators")) {
      assertEquals(FaultInjection.EXIT_CODE, killedRun(warehouse, faultPoint), "the run died at " + faultPoint
          + " (the second attempt resumes where the first died)");
    }
    spark().catalog().clearCache();
    assertEquals(0, OncoIndicators.run(args(warehouse).toArray(String[]::new)), "the rerun completes");
    ReferenceRun.assertSameTables(warehouse, "two kills");
    assertTrue(new Warehouse(spark(), warehouse).read(TableId.OPS_RUNS).filter("status = 'succeeded'").count() >= 5);
  }
}
