package org.oncoindicators.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.oncoindicators.cli.OncoIndicators;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.testing.HeadlessChromium;
import org.oncoindicators.testing.ReferenceRun;
import org.oncoindicators.testing.SparkTestBase;

/**
 * The publication set of the reference nightly run: every table as CSV and JSON with its
 * provenance, a generated data dictionary, charts as PNG and SVG, an HTML report that a real
 * browser shows without errors, and an exact reproduction by time travel after the gold tables
 * have changed.
 */
class PublicationTest extends SparkTestBase {
  private static final String RUN = ReferenceRun.RUN_DATE;

  private static List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(ReferenceRun.publication())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyTableIsPublishedAsCsvAndJsonWithProvenanceAndADescribedSchema() throws IOException {
    Path dir = ReferenceRun.publication();
    for (String t : PublishedTables.NAMES) {
      List<String> csv = Files.readAllLines(dir.resolve(t + ".csv"));
      assertTrue(csv.get(0).startsWith("# OncoIndicators publication of run " + RUN), csv.get(0));
      assertTrue(csv.get(1).contains("\"gold.survival\":"), "input versions: " + csv.get(1));
      JsonNode json = new ObjectMapper().readTree(dir.resolve(t + ".json").toFile());
      assertEquals(RUN, json.at("/provenance/run_id").asText());
      assertEquals(10, json.at("/provenance/suppression/min_patients").asInt());
      assertTrue(json.at("/rows").size() > 0, t + " has rows");
      String header = csv.stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
      assertEquals(json.at("/columns").size(), header.split(",").length);
      json.at("/columns").forEach(c -> assertTrue(c.get("description").asText().length() > 3, c.toString()));
    }
    List<String> dictionary = Files.readAllLines(dir.resolve("data_dictionary.csv"));
    assertTrue(dictionary.stream().anyMatch(l -> l.startsWith("survival,suppressed,")), "the dictionary lists columns");
    JsonNode provenance = new ObjectMapper().readTree(dir.resolve("provenance.json").toFile());
    Warehouse w = new Warehouse(spark(), ReferenceRun.warehouse());
    assertEquals(w.version(TableId.GOLD_SURVIVAL), provenance.at("/input_versions/gold.survival").asLong());
    assertEquals(files().size(), w.read(TableId.GOLD_PUBLICATION).filter("run_id = '" + RUN + "'").count(),
        "gold.publication records every file");
  }

  @Test
  void chartsArePngAndSvgNamingTheirRun() throws IOException {
    List<String> charts = files().stream().filter(f -> f.endsWith(".png")).toList();
    for (String prefix : List.of("funnel-", "survival-", "patient-flows", "specialisation-")) {
      assertTrue(charts.stream().anyMatch(f -> f.startsWith(prefix)), prefix + " chart in " + charts);
    }
    for (String png : charts) {
      byte[] bytes = Files.readAllBytes(ReferenceRun.publication().resolve(png));
      assertTrue(bytes.length > 5000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
      assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("Run " + RUN), png + " names its run");
      String svg = Files.readString(ReferenceRun.publication().resolve(png.replace(".png", ".svg")));
      assertTrue(svg.contains("<svg") && svg.contains("Run " + RUN), png + " as SVG");
    }
  }

  @Test
  void reproducingThePublicationByTimeTravelGivesTheSameBytesAfterTheTablesChanged() throws IOException {
    Path copy = ReferenceRun.copy("onco-reproduce");
    spark().sql("UPDATE delta.`" + copy.resolve("gold/indicators") + "` SET oe_ratio = 99.0");
    spark().sql("UPDATE delta.`" + copy.resolve("gold/survival") + "` SET estimate = 0.5");
    List<String> args = new ArrayList<>(List.of("publish", "--reproduce", RUN));
    List<String> nightly = ReferenceRun.nightlyArgs(copy);
    args.addAll(nightly.subList(1, nightly.size()));
    spark().catalog().clearCache();
    assertEquals(0, OncoIndicators.run(args.toArray(String[]::new)));
    Path reproduced = copy.resolveSibling("publication").resolve(RUN + ".reproduced");
    List<String> differing = new ArrayList<>();
    for (String f : files()) {
      if (Files.mismatch(ReferenceRun.publication().resolve(f), reproduced.resolve(f)) != -1) {
        differing.add(f);
      }
    }
    assertEquals(List.of(), differing, "files whose bytes differ from the original");
    assertEquals(files().size(), Files.list(reproduced).count());
  }

  @Test
  void theReportLoadsInHeadlessChromiumWithEveryChart() throws IOException {
    if (!HeadlessChromium.available()) {
      assertTrue(!"true".equals(System.getenv("CI")), "CI must install Debian chromium (jobs/test does)");
      Assumptions.abort("no /usr/bin/chromium here");
    }
    Path shots = home().resolve("target/publication-screenshots");
    Files.createDirectories(shots);
    for (String page : List.of("index.html", "group-stomach.html", "centres.html")) {
      HeadlessChromium.Page p = HeadlessChromium.load(ReferenceRun.publication().resolve(page),
          shots.resolve(page.replace(".html", ".png")), 1200, 900);
      assertEquals(List.of(), p.consoleErrors(), page + " console");
      assertTrue(!p.images().isEmpty(), page + " has charts");
      for (HeadlessChromium.Image i : p.images()) {
        assertTrue(i.complete() && i.naturalWidth() > 0, page + ": " + i);
      }
      assertTrue(Files.size(shots.resolve(page.replace(".html", ".png"))) > 10_000);
    }
    HeadlessChromium.Page phone = HeadlessChromium.load(ReferenceRun.publication().resolve("index.html"),
        shots.resolve("index-phone.png"), 390, 844);
    assertEquals(List.of(), phone.consoleErrors());
    String index = Files.readString(ReferenceRun.publication().resolve("index.html"));
    assertTrue(index.contains("Cancer outcome indicators") && index.contains("suppressed"), "index text");
    assertTrue(!index.contains("http://") && !index.contains("https://"), "no external resources");
  }
}
