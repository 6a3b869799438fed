package org.oncoindicators.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oncoindicators.testing.SparkTestBase.home;
import static org.oncoindicators.testing.SparkTestBase.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * An S3-compatible object store for the tests: s3proxy (copied into target/s3proxy by the build)
 * in its own JVM — its Jetty 12 cannot share a JVM with Spark's Jetty 11 — serving one bucket from
 * a local folder, started once per test JVM. The shared Spark session is given its settings and
 * keys, so tests read {@code s3a://} tables directly.
 */
public final class S3Server {
  public static final String BUCKET = "onco";
  public static final String ACCESS_KEY = "local-access-key";
  public static final String SECRET_KEY = "local-secret-key";
  private static Path dir;
  private static String endpoint;

  private S3Server() {}

  /** Starts the store unless it runs; returns the folder holding the bucket's objects as files. */
  public static synchronized Path bucketFolder() {
    if (dir == null) {
      try {
        start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return dir.resolve("store").resolve(BUCKET);
  }

  /**
   * What a user puts in a run's {@code spark.conf} for an S3-compatible store on a private
   * endpoint (the keys are not among them: they come from the environment).
   */
  public static synchronized Map<String, String> sparkSettings() {
    bucketFolder();
    Map<String, String> s = new TreeMap<>();
    s.put("spark.hadoop.fs.s3a.endpoint", endpoint);
    s.put("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
    s.put("spark.hadoop.fs.s3a.path.style.access", "true");
    s.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
    return s;
  }

  /** The keys as a user's environment gives them (read by S3A's default credential chain). */
  public static Map<String, String> environment() {
    return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
  }

  private static void start() throws IOException, InterruptedException {
    Path jar = home().resolve("target/s3proxy/s3proxy.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing: run the tests through Maven (it copies s3proxy there)");
    Path folder = Files.createTempDirectory("onco-s3");
    Files.createDirectories(folder.resolve("store").resolve(BUCKET));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    Path properties = folder.resolve("s3proxy.properties");
    Files.writeString(properties, String.join("\n", "s3proxy.endpoint=" + url,
        "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + folder.resolve("store"), ""));
    Path log = folder.resolve("s3proxy.log");
    Process server = new ProcessBuilder(ChildJvm.java(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
        "--properties", properties.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::destroyForcibly));
    waitForPort(server, port, log);
    dir = folder;
    endpoint = url;
    Configuration hadoop = spark().sparkContext().hadoopConfiguration();
    sparkSettings().forEach((k, v) -> hadoop.set(k.substring("spark.hadoop.".length()), v));
    hadoop.set("fs.s3a.access.key", ACCESS_KEY);
    hadoop.set("fs.s3a.secret.key", SECRET_KEY);
  }

  private static void waitForPort(Process server, int port, Path log) throws InterruptedException {
    for (int i = 0; i < 120; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        assertTrue(server.isAlive(), () -> "s3proxy stopped: " + tail(log));
        Thread.sleep(500);
      }
    }
    throw new AssertionError("s3proxy did not listen on " + port + ": " + tail(log));
  }

  /** The last 40 lines of a child process's log, for a failure message. */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
