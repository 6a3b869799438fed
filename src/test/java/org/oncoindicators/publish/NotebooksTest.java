package org.oncoindicators.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.ChildJvm;
import org.oncoindicators.testing.ReferenceRun;
import org.oncoindicators.testing.SparkTestBase;

/**
 * The data scientist's notebooks run, not rot: {@code jobs/notebooks} executes every notebook
 * headless (Jupyter nbconvert, Python kernel) against the reference run's warehouse, querying it
 * through the project's own {@code query} command; a failing cell fails the test.
 */
class NotebooksTest extends SparkTestBase {
  private static final Path JUPYTER = Path.of("/usr/bin/jupyter");

  @Test
  void everyNotebookRunsTopToBottomOnTheReferenceWarehouse() throws IOException, InterruptedException {
    if (!Files.isExecutable(JUPYTER)) {
      assertTrue(!"true".equals(System.getenv("CI")), "CI must install Debian's Jupyter (jobs/test does)");
      Assumptions.abort("no /usr/bin/jupyter here");
    }
    Path warehouse = ReferenceRun.copy("onco-notebooks");
    Path out = home().resolve("target/notebooks");
    // the query JVM with C1 only, as jobs/query runs it
    List<String> query = new ArrayList<>(ChildJvm.command("org.oncoindicators.cli.OncoIndicators",
        List.of("-Xmx1g", "-XX:TieredStopAtLevel=1")));
    query.add("query");
    ProcessBuilder pb = new ProcessBuilder("bash", home().resolve("jobs/notebooks").toString(), "--warehouse",
        warehouse.toString(), "--out", out.toString()).redirectErrorStream(true)
        .redirectOutput(Files.createDirectories(out).resolve("run.log").toFile());
    pb.environment().put("ONCO_QUERY", query.stream().map(NotebooksTest::shellQuote).collect(Collectors.joining(" ")));
    Process p = pb.start();
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), "notebooks did not finish");
    String log = Files.readString(out.resolve("run.log"));
    assertEquals(0, p.exitValue(), log);
    List<String> notebooks;
    try (Stream<Path> s = Files.list(home().resolve("notebooks"))) {
      notebooks = s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".ipynb")).sorted().toList();
    }
    assertTrue(notebooks.size() >= 4, "notebooks: " + notebooks);
    for (String nb : notebooks) {
      String executed = Files.readString(out.resolve(nb));
      assertTrue(executed.contains("\"execution_count\": 1"), nb + " was executed");
      assertTrue(!executed.contains("\"output_type\": \"error\""), nb + " has no failing cell");
    }
  }

  private static String shellQuote(String s) {
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }
}
