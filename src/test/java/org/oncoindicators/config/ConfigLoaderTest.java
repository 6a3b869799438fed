package org.oncoindicators.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Path HOME = Path.of(System.getProperty("oncoindicators.home", "")).toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void defaultsGiveTheDemoWithTheWarehouseInTheProject() {
    PipelineConfig c = new ConfigLoader(HOME).load(Optional.empty(), Map.of("run-date", "2026-01-31"));
    assertTrue(c.isDemo());
    assertEquals(WarehouseLocation.local(HOME.resolve("warehouse")), c.warehouse());
    assertEquals(Optional.of(HOME.resolve("warehouse")), c.warehouse().localPath());
    assertEquals(HOME.resolve("publication"), c.publicationFolder());
    assertEquals("2026-01-31", c.runId());
    assertEquals(LocalDate.parse("2026-01-31"), c.closingDate());
    assertEquals(HOME.resolve("data/demo/registry.csv").toString(), c.effectiveInputs().registry().orElseThrow());
  }

  @Test
  void flagsOverrideTheFileAndAnInputNotNamedIsAbsent() throws IOException {
    Path f = dir.resolve("run.conf");
    Files.writeString(f, "oncoindicators { run-date = \"2025-06-30\", inputs.registry = \"reg.csv\" }\n");
    PipelineConfig c = new ConfigLoader(HOME).load(Optional.of(f), Map.of("inputs.centers", "/x/centers.csv"));
    assertEquals(dir.resolve("reg.csv").toString(), c.effectiveInputs().registry().orElseThrow());
    assertEquals("/x/centers.csv", c.effectiveInputs().centers().orElseThrow());
    assertTrue(c.effectiveInputs().claims().isEmpty());
    assertEquals(LocalDate.parse("2025-06-30"), c.runDate());
  }

  @Test
  void anObjectStoreWarehouseIsKeptAsAUriWithItsSparkSettings() throws IOException {
    Path f = dir.resolve("s3.conf");
    Files.writeString(f, "oncoindicators {\n  warehouse = \"s3a://registry-bucket/onco/\"\n"
        + "  inputs.registry = \"s3a://extracts/2026/registry.csv\"\n"
        + "  spark.conf { \"spark.hadoop.fs.s3a.endpoint\" = \"http://127.0.0.1:9090\" }\n}\n");
    PipelineConfig c = new ConfigLoader(HOME).load(Optional.of(f), Map.of());
    assertEquals("s3a://registry-bucket/onco", c.warehouse().root());
    assertTrue(c.warehouse().localPath().isEmpty());
    assertEquals("s3a://registry-bucket/onco/gold/survival", c.warehouse().resolve("gold", "survival"));
    assertEquals(Map.of("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9090"), c.spark().conf());
    assertEquals("s3a://extracts/2026/registry.csv", c.input("registry").orElseThrow(), "an input URI is kept as given");
    assertEquals(Path.of("publication").toAbsolutePath(), c.publicationFolder(), "no folder beside an object store");
    PipelineConfig local = new ConfigLoader(HOME).load(Optional.of(f), Map.of("warehouse", "/srv/warehouse",
        "publication.folder", "/srv/publication"));
    assertEquals(local.configHash(), c.configHash(), "where the warehouse and publications lie is not part of the hash");
  }

  @Test
  void aSparkSettingWithoutItsFullQuotedNameIsRefused() throws IOException {
    Path f = dir.resolve("unquoted.conf");
    Files.writeString(f, "oncoindicators.spark.conf { spark.hadoop.fs.s3a.endpoint = \"x\" }\n");
    ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(HOME).load(Optional.of(f), Map.of()));
    assertTrue(e.getMessage().contains("spark.conf key 'spark'") && e.getMessage().contains("quote"), e.getMessage());
  }

  @Test
  void unknownKeyIsNamedWithItsLine() throws IOException {
    Path f = dir.resolve("typo.conf");
    Files.writeString(f, "oncoindicators {\n  survival {\n    horizon-years = [1]\n  }\n}\n");
    ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(HOME).load(Optional.of(f), Map.of()));
    assertTrue(e.getMessage().contains("oncoindicators.survival.horizon-years") && e.getMessage().contains("line 3"),
        e.getMessage());
  }

  @Test
  void badDateAndBadTypeAreReported() {
    ConfigError date = assertThrows(ConfigError.class,
        () -> new ConfigLoader(HOME).load(Optional.empty(), Map.of("run-date", "2026-13-01")));
    assertTrue(date.getMessage().contains("run-date"));
    ConfigError type = assertThrows(ConfigError.class,
        () -> new ConfigLoader(HOME).load(Optional.empty(), Map.of("days-per-year", "many")));
    assertTrue(type.getMessage().contains("days-per-year"), type.getMessage());
  }
}
