package org.oncoindicators.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoindicators.config.ConfigError;

/** The shipped catalogue declares what the issue asks for; a broken entry stops start-up with file, line and fix. */
class IndicatorCatalogueTest {
  private static final Set<String> GROUPS = Set.of("stomach", "colorectum", "liver", "pancreas", "lung", "esophagus",
      "breast", "thyroid", "kidney", "prostate");
  private static final IndicatorCatalogue.Defaults DEFAULTS = new IndicatorCatalogue.Defaults(20,
      List.of(0.0, 0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0));

  @TempDir
  Path dir;

  private static Path home() {
    return Path.of(System.getProperty("oncoindicators.home", "")).toAbsolutePath();
  }

  @Test
  void shippedCatalogueHasTheRequiredIndicators() {
    IndicatorCatalogue c = IndicatorCatalogue.load(home().resolve("conf/indicators.conf"), GROUPS, DEFAULTS);
    List<String> ids = c.indicators().stream().map(IndicatorSpec::id).toList();
    for (String g : List.of("stomach", "colorectum", "liver", "pancreas", "lung", "esophagus", "breast")) {
      assertTrue(ids.contains("postop_mortality_30d_" + g) && ids.contains("postop_mortality_90d_" + g), g);
    }
    for (String g : GROUPS) {
      assertTrue(ids.contains("survival_1y_" + g) && ids.contains("survival_5y_" + g), g);
    }
    assertTrue(ids.contains("resection_volume_stomach") && ids.contains("treatment_within_30d_lung")
        && ids.contains("adjuvant_chemo_8w_colon"));
    IndicatorSpec fiveYears = c.indicators().stream().filter(s -> s.id().equals("survival_5y_lung")).findFirst()
        .orElseThrow();
    assertEquals(5.0, fiveYears.intervalCuts()[fiveYears.intervalCuts().length - 1]);
    IndicatorSpec oneYear = c.indicators().stream().filter(s -> s.id().equals("survival_1y_lung")).findFirst()
        .orElseThrow();
    assertEquals(List.of(0.0, 0.25, 0.5, 1.0), java.util.Arrays.stream(oneYear.intervalCuts()).boxed().toList());
  }

  private String error(String entry) throws IOException {
    Path f = dir.resolve("catalogue.conf");
    Files.writeString(f, "oncoindicators.catalogue {\n  indicators = [\n" + entry + "\n  ]\n}\n");
    return assertThrows(ConfigError.class, () -> IndicatorCatalogue.load(f, GROUPS, DEFAULTS)).getMessage();
  }

  private static final String GOOD = "{ id = \"x\", title = \"X\", kind = proportion, population = resected, "
      + "outcome { event = death, within-days = 30 }, cancer-groups = [stomach], model = logistic, "
      + "covariates = [age_group], better = lower";

  @Test
  void brokenEntriesNameTheFileLineAndFix() throws IOException {
    String typo = error("    " + GOOD + ", covariate = [sex] }");
    assertTrue(typo.contains("catalogue.conf line 3") && typo.contains("unknown key 'covariate'"), typo);
    assertTrue(error("    " + GOOD.replace("[age_group]", "[age]") + " }").contains("covariate 'age' is unknown"));
    assertTrue(error("    " + GOOD.replace("[stomach]", "[stomack]") + " }").contains("cancer group 'stomack'"));
    assertTrue(error("    " + GOOD + ", filter = \"stage = = 'x'\" }").contains("is not a Spark SQL condition"));
    assertTrue(error("    " + GOOD.replace("logistic", "piecewise_exponential") + " }").contains("does not fit kind"));
    assertTrue(error("    " + GOOD + " },\n    " + GOOD + " }").contains("declared twice"));
  }
}
