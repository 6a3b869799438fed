package org.oncoindicators.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oncoindicators.cli.OncoIndicators;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.testing.SparkTestBase;

/** jobs/nightly --omop DIR: an OMOP CDM export in place of registry, claims and centres, end to end. */
class OmopPipelineTest extends SparkTestBase {
  @Test
  void anOmopExportRunsThroughEveryStage() throws IOException {
    Path warehouse = Files.createTempDirectory("onco-omop").resolve("warehouse");
    spark().catalog().clearCache();
    assertEquals(0, OncoIndicators.run("nightly", "--omop", resource("extracts/omop").toString(),
        "--run-date", "2025-12-31", "--warehouse", warehouse.toString(),
        "--config", resource("catalogues/one-of-each-run.conf").toString()));
    Warehouse w = new Warehouse(spark(), warehouse);
    assertEquals(4, w.read(TableId.BRONZE_REGISTRY).count());
    assertEquals(14, w.read(TableId.BRONZE_CLAIMS).count());
    assertEquals(2, w.read(TableId.BRONZE_CENTERS).count());
    assertTrue(w.read(TableId.GOLD_SURVIVAL).filter("center_id = 'ALL' AND estimator = 'observed_km'").count() > 0);
  }

  @Test
  void omopTogetherWithARegistryIsRefused() {
    assertEquals(1, OncoIndicators.run("nightly", "--omop", resource("extracts/omop").toString(),
        "--registry", resource("extracts/registry_rules.csv").toString()));
  }
}
