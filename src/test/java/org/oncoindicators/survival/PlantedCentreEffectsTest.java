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
import org.oncoindicators.flows.Specialisation;
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
    Files.writeString(conf, "oncoindicators.survival { strata = [], approaches = [\"cohort\"] }\n"
        + "oncoindicators.indicators.catalogue = \"" + resource("catalogues/planted-survival.conf") + "\"\n");
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
  void riskAdjustedSurvivalFlagsOnlyPlantedCentresInTheirDirection() {
    Dataset<Row> flagged = new Warehouse(spark(), dir.resolve("warehouse")).read(TableId.GOLD_INDICATORS)
        .filter("indicator_id RLIKE '^survival_[15]y_[a-z]+$' AND flag IN ('higher', 'lower')");
    java.util.Map<String, Double> planted = new java.util.HashMap<>();
    truth.get("centre_effects").forEach(e -> planted.put(e.get("center_id").asText() + "/" + e.get("cancer_group")
        .asText(), e.get("excess_hazard_ratio").asDouble()));
    int found = 0;
    for (Row r : flagged.collectAsList()) {
      String key = r.<String>getAs("center_id") + "/" + r.<String>getAs("cancer_group");
      Double hr = planted.get(key);
      assertTrue(hr != null, "flagged without a planted effect: " + key + " " + r.getAs("indicator_id"));
      assertEquals(hr > 1 ? "higher" : "lower", r.getAs("flag"), key);
      found++;
    }
    assertTrue(found >= 3, "planted effects flagged: " + found);
  }

  @Test
  void olderLaterStageCentreIsWorseCrudeButAsExpectedRiskAdjusted() {
    Dataset<Row> rows = new Warehouse(spark(), dir.resolve("warehouse")).read(TableId.GOLD_INDICATORS)
        .filter("center_id = 'RCC-JEONNAM'").cache();
    assertEquals("RCC-JEONNAM", truth.get("case_mix").get("centres").get(0).asText());
    Row crude = rows.filter("indicator_id = 'survival_5y_pooled_crude'").head();
    Row adjusted = rows.filter("indicator_id = 'survival_5y_pooled'").head();
    assertEquals("higher", crude.getAs("flag"), "crude O/E " + crude.getAs("oe_ratio"));
    assertEquals("as_expected", adjusted.getAs("flag"), "risk-adjusted O/E " + adjusted.getAs("oe_ratio"));
    for (Row r : rows.filter("indicator_id RLIKE '^survival_5y_[a-z]+$'").collectAsList()) {
      assertTrue(r.<Double>getAs("crude_rate") > r.<Double>getAs("national_rate"), "crude mortality above national: " + r);
      assertEquals("as_expected", r.getAs("flag"), r.toString());
    }
  }

  @Test
  void plantedCentreStrengthsTopTheirCentresSpecialisationProfile() {
    Dataset<Row> profile = new Warehouse(spark(), dir.resolve("warehouse")).read(TableId.GOLD_SPECIALISATION).cache();
    java.util.Map<String, Double> planted = new java.util.HashMap<>();
    truth.get("centre_effects").forEach(e -> planted.put(e.get("center_id").asText() + "/" + e.get("cancer_group")
        .asText(), e.get("excess_hazard_ratio").asDouble()));
    int strengths = 0;
    for (Row r : profile.filter("rank_in_centre IS NOT NULL").collectAsList()) {
      String key = r.<String>getAs("center_id") + "/" + r.<String>getAs("cancer_group");
      Double hr = planted.get(key);
      String evidence = r.getAs("evidence");
      if (Specialisation.STRONGER.equals(evidence)) {
        assertTrue(hr != null && hr < 1, "graded stronger without a planted strength: " + key);
      }
      if (hr != null && hr < 1) {
        assertTrue(r.<Integer>getAs("rank_in_centre") <= 2, "planted strength ranked " + r);
        strengths++;
      } else if (hr != null) {
        assertTrue(r.<Integer>getAs("rank_in_centre") >= 3, "planted weakness ranked " + r);
        assertTrue(!evidence.contains("stronger"), r.toString());
      }
    }
    assertTrue(strengths >= 4, "planted strengths ranked: " + strengths);
  }

  @Test
  void plantedCapitalAreaTravelShareIsRecovered() {
    Dataset<Row> flows = new Warehouse(spark(), dir.resolve("warehouse")).read(TableId.GOLD_PATIENT_FLOWS)
        .filter("measure = 'capital_outflow' AND cancer_group = 'all_sites' AND diagnosis_year = 'all'").cache();
    JsonNode travel = truth.get("travel");
    Row all = flows.filter("residence_region = 'ALL_NON_CAPITAL'").head();
    assertEquals(travel.get("realised_share").asDouble(), all.<Double>getAs("share"), 0.005);
    assertTrue(all.<Double>getAs("ci_lower") < travel.get("configured_share").asDouble()
        && travel.get("configured_share").asDouble() < all.<Double>getAs("ci_upper"), "planted share in the CI: " + all);
    for (JsonNode region : travel.get("by_region")) {
      Row r = flows.filter("residence_region = '" + region.get("region").asText() + "'").head();
      assertEquals(region.get("realised_share").asDouble(), r.<Double>getAs("share"), 0.02, region.toString());
    }
  }

  @Test
  void withoutClaimsTheClaimsStagesAreSkippedAndSaySo() {
    Row ingest = new Warehouse(spark(), dir.resolve("warehouse")).read(TableId.OPS_RUNS)
        .filter("stage = 'ingest' AND status = 'succeeded'").head();
    assertTrue(ingest.<String>getAs("message").contains("no claims extract"));
  }
}
