package org.oncoindicators.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.config.WarehouseLocation;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.testing.ChildJvm;
import org.oncoindicators.testing.ReferenceRun;
import org.oncoindicators.testing.S3Server;
import org.oncoindicators.testing.SparkTestBase;

/**
 * The nightly pipeline on a real distributed Spark: a standalone master and two workers on
 * 127.0.0.1, each its own JVM on the project's dependencies (their SPARK_HOME/jars links to them),
 * and the application submitted as {@code spark-submit} does it (SparkSubmit, client mode, the
 * application jar shipped to the executors), the warehouse on an S3-compatible object store. Both
 * workers run an executor, and every table ends as in the embedded run of the same extracts.
 */
class StandaloneClusterTest extends SparkTestBase {
  private static final List<Process> CLUSTER = new ArrayList<>();
  /**
   * The executors run seconds of tasks on a few hundred patients, each in a fresh JVM: C2's
   * compilations, not the tasks, would be most of their CPU on CI's two cores; C1 compiles enough.
   */
  private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
  private static Path dir;
  private static String master;
  private static int masterUi;

  @BeforeAll
  static void startCluster() throws Exception {
    ReferenceRun.data();
    dir = Files.createTempDirectory("onco-cluster");
    Path sparkHome = dir.resolve("spark-home");
    Files.createDirectories(sparkHome.resolve("jars"));
    for (String jar : ChildJvm.dependencyJars()) {
      Path source = Path.of(jar);
      Files.createSymbolicLink(sparkHome.resolve("jars").resolve(source.getFileName()), source);
    }
    int port = freePort();
    masterUi = freePort();
    master = "spark://127.0.0.1:" + port;
    start("master", "org.apache.spark.deploy.master.Master", Map.of(), "--host", "127.0.0.1", "--port",
        String.valueOf(port), "--webui-port", String.valueOf(masterUi));
    // an executor's launch command is built from SPARK_HOME/jars; without a Spark build tree the Scala version is given
    Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13",
        "JAVA_HOME", System.getProperty("java.home"));
    for (int i = 1; i <= 2; i++) {
      Path work = Files.createDirectories(dir.resolve("work-" + i));
      start("worker-" + i, "org.apache.spark.deploy.worker.Worker", env, "--host", "127.0.0.1", "--cores", "1",
          "--memory", "1536m", "--work-dir", work.toString(), "--webui-port", String.valueOf(freePort()), master);
    }
    waitForWorkers(2);
  }

  @AfterAll
  static void stopCluster() {
    for (Process p : CLUSTER) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private static void start(String name, String mainClass, Map<String, String> env, String... args) throws IOException {
    // master and workers only pass messages: C1 alone compiles enough for them (CI has two cores)
    List<String> command = new ArrayList<>(ChildJvm.command(mainClass, List.of("-Xmx512m", C1_ONLY)));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().putAll(env);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    CLUSTER.add(pb.start());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Polls the master's JSON status until the workers have registered. */
  private static void waitForWorkers(int workers) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String status = "";
    for (int i = 0; i < 120; i++) {
      try {
        status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        if (status.replace(" ", "").contains("\"aliveworkers\":" + workers)) {
          return;
        }
      } catch (IOException notYet) {
        // the master is still starting
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("the workers did not register with " + master + ": " + status);
  }

  /** The application jar: the project's compiled classes (Spark and Delta come from the cluster). */
  private static Path applicationJar() throws IOException {
    Path classes = home().resolve("target/classes");
    Path jar = dir.resolve("oncoindicators-app.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
         Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, j);
        j.closeEntry();
      }
    }
    return jar;
  }

  /**
   * The production topology: the driver and the executors on two workers write the warehouse to an
   * S3-compatible store ({@link S3Server}), reached as a user would configure it — the endpoint in
   * the run's {@code spark.conf}, the keys in the driver's environment and passed to the executors'.
   */
  @Test
  void nightlyOnAStandaloneClusterIntoAnS3WarehouseGivesTheTablesOfTheEmbeddedRun() throws Exception {
    Path bucket = S3Server.bucketFolder();
    String warehouse = "s3a://" + S3Server.BUCKET + "/cluster-warehouse";
    List<String> command = new ArrayList<>(ChildJvm.command("org.apache.spark.deploy.SparkSubmit", List.of("-Xmx1g")));
    command.addAll(List.of("--master", master, "--deploy-mode", "client", "--class",
        "org.oncoindicators.cli.OncoIndicators", "--conf", "spark.executor.memory=1g", "--conf",
        "spark.executor.cores=1", "--conf", "spark.cores.max=2", "--conf", "spark.executor.extraJavaOptions=" + C1_ONLY,
        "--conf", "spark.driver.host=127.0.0.1", "--conf",
        "spark.driver.bindAddress=127.0.0.1"));
    S3Server.environment().forEach((k, v) -> command.addAll(List.of("--conf", "spark.executorEnv." + k + "=" + v)));
    command.add(applicationJar().toString());
    List<String> args = new ArrayList<>(ReferenceRun.nightlyArgs(dir.resolve("unused")));
    args.set(args.indexOf("--warehouse") + 1, warehouse);
    args.set(args.indexOf("--config") + 1, runConfig().toString());
    command.addAll(args);
    Path log = dir.resolve("driver.log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(S3Server.environment());
    Process driver = pb.start();
    assertTrue(driver.waitFor(20, TimeUnit.MINUTES), "the cluster run did not end");
    assertEquals(0, driver.exitValue(), () -> "the cluster run failed; " + S3Server.tail(log));
    for (int i = 1; i <= 2; i++) {
      try (Stream<Path> apps = Files.list(dir.resolve("work-" + i))) {
        assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")), "worker " + i + " ran an executor");
      }
    }
    Warehouse onS3 = new Warehouse(spark(), new WarehouseLocation(warehouse));
    ReferenceRun.assertSameTables(onS3, "the run on the standalone cluster into an S3 warehouse");
    assertEquals(7, onS3.read(TableId.OPS_RUNS).filter("status = 'succeeded'").count(), "seven stages succeeded");
    assertTrue(Files.isDirectory(bucket.resolve("cluster-warehouse/gold/survival/_delta_log")),
        "the tables lie in the bucket");
    assertFalse(Files.exists(bucket.resolve("cluster-warehouse/_lock")), "the run lock was released");
    assertTrue(Files.isRegularFile(dir.resolve("publication").resolve(ReferenceRun.RUN_DATE).resolve("index.html")),
        "the publication set is written to the configured local folder");
  }

  /** The reference run's configuration plus the store's settings and a local publication folder. */
  private static Path runConfig() throws IOException {
    StringBuilder conf = new StringBuilder("oncoindicators {\n  indicators.catalogue = \""
        + resource("catalogues/one-of-each.conf") + "\"\n  publication.folder = \"" + dir.resolve("publication")
        + "\"\n  spark.conf {\n");
    S3Server.sparkSettings().forEach((k, v) -> conf.append("    \"").append(k).append("\" = \"").append(v).append("\"\n"));
    return Files.writeString(dir.resolve("s3-run.conf"), conf.append("  }\n}\n").toString());
  }
}
