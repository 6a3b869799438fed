package org.oncoindicators.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * On 20,000 synthetic patients run without claims (registry, centres and life table only), the
 * centre × cancer-group excess-hazard ratios planted by the generator show in net survival: centres
 * planted better lie above the national estimate, centres planted worse below.
 */
class PlantedCentreEffectsTest extends SparkTestBase {
  private static Path dir;
  private static JsonNode truth;

  @BeforeAll
  static void run() throws IOException {
    dir = Files.createTempDirectory("onco-planted");
    Path x = dir.resolve("extracts");
    SyntheticExtracts.write(new GeneratorSettings(x, 20_000, 20, 20261123L, LocalDate.parse("2025-12-31"),
        home().resolve("conf")));
    truth = new ObjectMapper().readTree(x.resolve("truth.json").toFile());
    Path conf = dir.resolve("fast.conf");
    Files.writeString(conf, "oncoindicators.survival { strata = [], approaches = [\"cohort\"] }\n");
    spark().catalog().clearCache();
    assertEquals(0, OncoIndicators.run("nightly", "--config", conf.toString(), "--run-date", "2026-01-31",
        "--registry", x.resolve("registry.csv").toString(), "--centers", x.resolve("centers.csv").toString(),
        "--life-table", x.resolve("lifetable.csv").toString(), "--warehouse", dir.resolve("warehouse").toString()));
  }

  private static double netSurvival(Dataset<Row> gold, String center, String group) {
    return gold.filter(String.format("center_id = '%s' AND cancer_group = '%s' AND stratum = 'all' AND approach = "
            + "'cohort' AND estimator = 'net_pohar_perme' AND horizon_years = 3", center, group))
        .head().<Double>getAs("estimate");
  }

  @Test
  void plantedBetterAndWorseCentresLieOnTheirSideOfTheNationalNetSurvival() {
    Dataset<Row> gold = new Warehouse(spark(), dir.resolve("warehouse")).read(TableId.GOLD_SURVIVAL).cache();
    int checked = 0;
    for (JsonNode effect : truth.get("centre_effects")) {
      String center = effect.get("center_id").asText();
      String group = effect.get("cancer_group").asText();
      double hr = effect.get("excess_hazard_ratio").asDouble();
      double diff = netSurvival(gold, center, group) - netSurvival(gold, "ALL", group);
      assertTrue(hr < 1 ? diff > 0 : diff < 0, center + " " + group + " HR " + hr + ": centre − national = " + diff);
      checked++;
    }
    assertTrue(checked >= 8, "planted effects checked: " + checked);
  }

  @Test
  void withoutClaimsTheClaimsStagesAreSkippedAndSaySo() {
    Row ingest = new Warehouse(spark(), dir.resolve("warehouse")).read(TableId.OPS_RUNS)
        .filter("stage = 'ingest' AND status = 'succeeded'").head();
    assertTrue(ingest.<String>getAs("message").contains("no claims extract"));
  }
}
