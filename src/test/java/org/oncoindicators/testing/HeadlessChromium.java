package org.oncoindicators.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Loads a local HTML file in a real headless Chromium and reports what a person would see (console errors, images,
 * title, a screenshot), so tests can check generated reports in an actual browser; speaks the Chrome DevTools Protocol
 * over the JDK's WebSocket client.
 */
public final class HeadlessChromium {
  private HeadlessChromium() {}

  /** The Debian Chromium launcher this class drives. */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  /** How long to keep listening after the load event, for late errors (failed resource loads, timers). */
  private static final Duration SETTLE = Duration.ofMillis(500);
  /** Screenshots taller than this are cut off (GPU texture limits; nobody reviews a longer page image anyway). */
  private static final int MAX_SCREENSHOT_HEIGHT = 16_384;
  private static final int STDERR_TAIL_LINES = 5;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .proxy(HttpClient.Builder.NO_PROXY)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private static final String PAGE_STATE_JS = "JSON.stringify({title: document.title, href: location.href, "
      + "ready: document.readyState, images: Array.from(document.images).map(i => "
      + "({src: i.getAttribute('src'), w: i.naturalWidth, h: i.naturalHeight, c: i.complete}))})";

  /** What the browser showed: error messages from the console and log, every {@code <img>}, and the title. */
  public record Page(List<String> consoleErrors, List<Image> images, String title) {
    public Page {
      consoleErrors = List.copyOf(consoleErrors);
      images = List.copyOf(images);
    }
  }

  /** One {@code <img>} element as loaded: its src attribute, decoded size (0×0 when it failed) and completeness. */
  public record Image(String src, int naturalWidth, int naturalHeight, boolean complete) {}

  /** Whether Debian's Chromium is installed here (the launcher exists and is executable). */
  public static boolean available() {
    return Files.isRegularFile(CHROMIUM) && Files.isExecutable(CHROMIUM);
  }

  /**
   * Opens {@code html} in a fresh headless Chromium with a {@code widthPx}×{@code heightPx} viewport, waits for the
   * load event, writes a full-page PNG screenshot to {@code screenshotPng} and reports errors, images and title; the
   * browser and its temporary profile are always removed afterwards.
   */
  public static Page load(Path html, Path screenshotPng, int widthPx, int heightPx) throws IOException {
    if (!Files.isRegularFile(html)) {
      throw new NoSuchFileException(html.toString(), null, "no HTML file to load");
    }
    if (widthPx <= 0 || heightPx <= 0) {
      throw new IllegalArgumentException("viewport must be positive, was " + widthPx + "x" + heightPx);
    }
    if (!available()) {
      throw new IOException(CHROMIUM + " is missing or not executable (install Debian chromium)");
    }
    Path base = Files.createTempDirectory("headless-chromium-");
    Path profile = Files.createDirectory(base.resolve("profile"));
    Path stderr = base.resolve("chromium-stderr.log");
    Process browser = null;
    Session session = null;
    try {
      ProcessBuilder builder = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-dev-shm-usage", "--remote-debugging-port=0", "--user-data-dir=" + profile,
          "--window-size=" + widthPx + "," + heightPx, "about:blank")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(stderr.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      // Chromium's own scratch files (singleton socket, shared memory) go under base too, so they are removed with it.
      builder.environment().put("TMPDIR", base.toString());
      browser = builder.start();
      Browser chromium = new Browser(browser, stderr);

      long startupDeadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
      int port = chromium.awaitPort(profile.resolve("DevToolsActivePort"), startupDeadline);
      URI target = chromium.pageTarget(port, startupDeadline);
      session = Session.open(target, chromium, startupDeadline);
      return session.capture(html.toAbsolutePath().toUri().toASCIIString(), screenshotPng, widthPx, heightPx);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while loading " + html);
      interrupted.initCause(e);
      throw interrupted;
    } finally {
      if (session != null) {
        session.abort();
      }
      if (browser != null) {
        killTree(browser);
      }
      deleteRecursively(base);
    }
  }

  /** Kills the browser and every process it started (renderers, zygotes), waiting briefly for them to go. */
  private static void killTree(Process process) {
    // Collected before the parent dies: orphans are re-parented and would no longer be found as descendants.
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      // Polled rather than onExit(): the orphans are reaped by init, and a killed zombie is as good as gone.
      while (descendants.stream().anyMatch(HeadlessChromium::running) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether a process still runs: alive and, where /proc tells, not a zombie waiting to be reaped. */
  private static boolean running(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
      int afterName = stat.lastIndexOf(')');
      return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static void deleteRecursively(Path root) {
    // A second pass catches files a dying child process wrote during the first.
    for (int attempt = 0; attempt < 2 && Files.exists(root); attempt++) {
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> {
          try {
            Files.deleteIfExists(path);
          } catch (IOException e) {
            // Left for the next pass.
          }
        });
      } catch (IOException | UncheckedIOException e) {
        // Left for the next pass.
      }
    }
  }

  private static long millisLeft(long deadlineNanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  /** The running browser process, with its stderr log for error messages. */
  private record Browser(Process process, Path stderr) {

    int awaitPort(Path activePortFile, long deadline) throws IOException, InterruptedException {
      while (true) {
        if (Files.isRegularFile(activePortFile)) {
          List<String> lines = Files.readAllLines(activePortFile, StandardCharsets.UTF_8);
          // The file is written in one go, but may be caught half-written: retry until the port parses.
          if (!lines.isEmpty() && lines.get(0).trim().matches("\\d{1,5}")) {
            return Integer.parseInt(lines.get(0).trim());
          }
        }
        checkAlive("starting");
        if (System.nanoTime() > deadline) {
          throw failure("Chromium did not write DevToolsActivePort within " + STARTUP_TIMEOUT.toSeconds() + " s");
        }
        Thread.sleep(50);
      }
    }

    /** The WebSocket address of the browser's first page tab, opening one if none is listed. */
    URI pageTarget(int port, long deadline) throws IOException, InterruptedException {
      URI base = URI.create("http://127.0.0.1:" + port);
      boolean triedNew = false;
      while (true) {
        checkAlive("starting");
        try {
          JsonNode targets = JSON.readTree(get(base.resolve("/json/list"), "GET"));
          for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText()) && target.hasNonNull("webSocketDebuggerUrl")) {
              return URI.create(target.get("webSocketDebuggerUrl").asText());
            }
          }
          if (!triedNew && millisLeft(deadline) < STARTUP_TIMEOUT.toMillis() / 2) {
            triedNew = true;
            JsonNode created = JSON.readTree(get(base.resolve("/json/new?about:blank"), "PUT"));
            if (created.hasNonNull("webSocketDebuggerUrl")) {
              return URI.create(created.get("webSocketDebuggerUrl").asText());
            }
          }
        } catch (IOException e) {
          // DevTools may still be coming up; retried until the deadline.
          if (System.nanoTime() > deadline) {
            throw failure("Chromium's DevTools endpoint on port " + port + " failed: " + e);
          }
        }
        if (System.nanoTime() > deadline) {
          throw failure("Chromium listed no page target within " + STARTUP_TIMEOUT.toSeconds() + " s");
        }
        Thread.sleep(100);
      }
    }

    private static String get(URI uri, String method) throws IOException, InterruptedException {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
          .method(method, HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(method + " " + uri + " answered HTTP " + response.statusCode());
      }
      return response.body();
    }

    void checkAlive(String doing) throws IOException {
      if (!process.isAlive()) {
        throw failure("Chromium exited with code " + process.exitValue() + " while " + doing);
      }
    }

    /** A one-line exception: what went wrong plus the last meaningful lines Chromium printed to stderr. */
    IOException failure(String what) {
      return new IOException(what + "; chromium stderr: " + stderrTail());
    }

    String stderrTail() {
      List<String> lines;
      try {
        lines = Files.readAllLines(stderr, StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        return "(unreadable: " + e.getMessage() + ")";
      }
      // D-Bus complaints are always there in a container and say nothing about the failure.
      List<String> useful = lines.stream().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.contains(":ERROR:dbus/")).toList();
      List<String> chosen = useful.isEmpty() ? lines : useful;
      if (chosen.isEmpty()) {
        return "(empty)";
      }
      return String.join(" | ", chosen.subList(Math.max(0, chosen.size() - STDERR_TAIL_LINES), chosen.size()));
    }
  }

  /** One DevTools WebSocket connection to a page target: numbered commands, their replies, and the page's events. */
  private static final class Session implements WebSocket.Listener {
    private final Browser browser;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private volatile Throwable broken;
    private WebSocket socket;

    private Session(Browser browser) {
      this.browser = browser;
    }

    static Session open(URI target, Browser browser, long deadline) throws IOException, InterruptedException {
      Session session = new Session(browser);
      try {
        session.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
            .buildAsync(target, session).get(Math.max(1, millisLeft(deadline)), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw browser.failure("could not connect to Chromium's DevTools at " + target + ": " + e.getCause());
      } catch (TimeoutException e) {
        throw browser.failure("could not connect to Chromium's DevTools at " + target + " within "
            + STARTUP_TIMEOUT.toSeconds() + " s");
      }
      return session;
    }

    Page capture(String url, Path screenshotPng, int width, int height) throws IOException, InterruptedException {
      call("Runtime.enable", null);
      call("Log.enable", null);
      call("Page.enable", null);
      ObjectNode metrics = JSON.createObjectNode().put("width", width).put("height", height)
          .put("deviceScaleFactor", 1).put("mobile", false);
      call("Emulation.setDeviceMetricsOverride", metrics);

      // about:blank fired its load event before Page.enable; a stray one is caught by the readyState check below.
      long loadDeadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
      JsonNode navigation = call("Page.navigate", JSON.createObjectNode().put("url", url));
      if (navigation.hasNonNull("errorText") && !navigation.get("errorText").asText().isEmpty()) {
        throw browser.failure("Chromium could not open " + url + ": " + navigation.get("errorText").asText());
      }
      try {
        loaded.get(Math.max(1, millisLeft(loadDeadline)), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw browser.failure("lost Chromium while loading " + url + ": " + e.getCause());
      } catch (TimeoutException e) {
        throw browser.failure("Chromium fired no load event for " + url + " within " + LOAD_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(SETTLE.toMillis());

      // The load event is not tied to a navigation; make sure it was a loaded document's, not the start page's.
      // (Not compared with url: Chromium spells file URLs its own way, and a page may redirect itself.)
      JsonNode state = pageState();
      while (!"complete".equals(state.path("ready").asText()) || state.path("href").asText().startsWith("about:")) {
        if (System.nanoTime() > loadDeadline) {
          throw browser.failure("Chromium did not finish loading " + url + " within " + LOAD_TIMEOUT.toSeconds()
              + " s (at " + state.path("href").asText() + ", " + state.path("ready").asText() + ")");
        }
        Thread.sleep(100);
        state = pageState();
      }
      List<Image> images = new ArrayList<>();
      for (JsonNode image : state.path("images")) {
        images.add(new Image(image.hasNonNull("src") ? image.get("src").asText() : "", image.path("w").asInt(),
            image.path("h").asInt(), image.path("c").asBoolean()));
      }

      screenshot(screenshotPng, width, height);
      List<String> consoleErrors;
      synchronized (errors) {
        consoleErrors = List.copyOf(errors);
      }
      return new Page(consoleErrors, images, state.path("title").asText(""));
    }

    private JsonNode pageState() throws IOException, InterruptedException {
      JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", PAGE_STATE_JS)
          .put("returnByValue", true));
      if (result.has("exceptionDetails")) {
        throw browser.failure("evaluating the page state failed: " + describe(result.get("exceptionDetails")));
      }
      return JSON.readTree(result.path("result").path("value").asText("{}"));
    }

    private void screenshot(Path png, int width, int height) throws IOException, InterruptedException {
      JsonNode layout = call("Page.getLayoutMetrics", null);
      JsonNode content = layout.has("cssContentSize") ? layout.get("cssContentSize") : layout.path("contentSize");
      int fullWidth = Math.max(width, (int) Math.ceil(content.path("width").asDouble(width)));
      int fullHeight = Math.min(MAX_SCREENSHOT_HEIGHT,
          Math.max(height, (int) Math.ceil(content.path("height").asDouble(height))));
      ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true)
          .put("fromSurface", true);
      params.putObject("clip").put("x", 0).put("y", 0).put("width", fullWidth).put("height", fullHeight)
          .put("scale", 1);
      byte[] bytes = Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
      if (bytes.length == 0) {
        throw browser.failure("Chromium returned an empty screenshot");
      }
      Path parent = png.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(png, bytes);
    }

    /** Sends one command and waits for its result; a protocol error or a timeout becomes an IOException. */
    private JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
      if (broken != null) {
        throw browser.failure("DevTools connection lost before " + method + ": " + broken);
      }
      int id = nextId.incrementAndGet();
      ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
      if (params != null) {
        message.set("params", params);
      }
      CompletableFuture<JsonNode> reply = new CompletableFuture<>();
      pending.put(id, reply);
      Throwable lost = broken;
      if (lost != null) {
        // Closed between the check above and registering: fail() may have missed this reply.
        reply.completeExceptionally(lost);
      }
      try {
        synchronized (this) {
          // The JDK WebSocket allows one outstanding send at a time.
          socket.sendText(JSON.writeValueAsString(message), true)
              .get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        return reply.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof IOException io ? io : browser.failure(method + " failed: " + cause);
      } catch (TimeoutException e) {
        throw browser.failure("Chromium did not answer " + method + " within " + COMMAND_TIMEOUT.toSeconds() + " s");
      } finally {
        pending.remove(id);
      }
    }

    void abort() {
      if (socket != null) {
        socket.abort();
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          dispatch(JSON.readTree(text));
        } catch (IOException | RuntimeException e) {
          errors.add("(unreadable DevTools message: " + e + ")");
        }
      }
      webSocket.request(1);
      return null;
    }

    private void dispatch(JsonNode message) {
      if (message.has("id")) {
        CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
        if (reply != null) {
          if (message.has("error")) {
            JsonNode error = message.get("error");
            reply.completeExceptionally(browser.failure("DevTools error " + error.path("code").asText() + ": "
                + error.path("message").asText() + " " + error.path("data").asText("")));
          } else {
            reply.complete(message.path("result"));
          }
        }
        return;
      }
      JsonNode params = message.path("params");
      switch (message.path("method").asText()) {
        case "Page.loadEventFired" -> loaded.complete(null);
        case "Runtime.consoleAPICalled" -> {
          String type = params.path("type").asText();
          if (type.equals("error") || type.equals("assert")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode arg : params.path("args")) {
              parts.add(remoteObject(arg));
            }
            errors.add("console." + type + ": " + String.join(" ", parts) + location(params.path("stackTrace")
                .path("callFrames").path(0)));
          }
        }
        case "Runtime.exceptionThrown" -> errors.add("uncaught: " + describe(params.path("exceptionDetails")));
        case "Log.entryAdded" -> {
          JsonNode entry = params.path("entry");
          if ("error".equals(entry.path("level").asText())) {
            errors.add(entry.path("source").asText("log") + ": " + entry.path("text").asText()
                + (entry.hasNonNull("url") ? " (" + entry.get("url").asText() + ")" : ""));
          }
        }
        default -> { }
      }
    }

    private static String remoteObject(JsonNode object) {
      if (object.has("value")) {
        JsonNode value = object.get("value");
        return value.isTextual() ? value.asText() : value.toString();
      }
      if (object.hasNonNull("unserializableValue")) {
        return object.get("unserializableValue").asText();
      }
      return object.path("description").asText(object.path("type").asText());
    }

    private static String describe(JsonNode details) {
      JsonNode exception = details.path("exception");
      String text = exception.hasNonNull("description") ? exception.get("description").asText()
          : details.path("text").asText();
      return text.lines().findFirst().orElse(text) + location(details);
    }

    private static String location(JsonNode frame) {
      String url = frame.path("url").asText("");
      return url.isEmpty() ? "" : " (" + url + ":" + (frame.path("lineNumber").asInt() + 1) + ")";
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      fail(new IOException("DevTools WebSocket closed: " + statusCode + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      fail(error);
    }

    private void fail(Throwable error) {
      broken = error;
      loaded.completeExceptionally(error);
      pending.values().forEach(reply -> reply.completeExceptionally(error));
    }
  }
}
