package org.oncoindicators.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.oncoindicators.flows.IndicatorRows.anIndicatorRow;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.indicators.IndicatorSpec;
import org.oncoindicators.riskadjust.CentreCounts;
import org.oncoindicators.riskadjust.ExactPoisson;

/** Indicators per care network: a network's O and E are the sums of its member centres'. */
class NetworkOutcomesTest {
  private static final IndicatorSpec SPEC = new IndicatorSpec("survival_5y_stomach", "t", IndicatorSpec.Kind.SURVIVAL,
      "stomach", List.of("stomach"), IndicatorSpec.Population.DIAGNOSED, null, IndicatorSpec.Event.DEATH, null, 5,
      IndicatorSpec.Model.PIECEWISE_EXPONENTIAL, List.of(), false, "lower", 20, new double[] {0, 5});
  private static final PipelineConfig.Indicators SETTINGS = new PipelineConfig.Indicators(null, 10, 0.95, 0.95, 0.998,
      0.1, 0.05, 5, 1);

  private static Row centre(String id, long n, long observed, double expected) {
    return anIndicatorRow().with("center_id", id).with("indicator_id", SPEC.id()).with("cancer_group", "stomach")
        .with("n", n).with("observed", observed).with("expected", expected).with("funnel_basis", "poisson").row();
  }

  @Test
  void networkCountsAreTheSumsOfItsCentres() {
    NationalReference reference = new NationalReference(SPEC.id(), "all", "stomach", 5, "poisson", 0.4, 0.6,
        new CentreCounts("ALL", "all", 360, 56, 56.0, 0.4));
    List<Row> rows = NetworkOutcomes.build(
        List.of(centre("A", 100, 10, 8.0), centre("B", 50, 5, 7.0), centre("C", 200, 40, 30.0), centre("D", 10, 1, 2.0)),
        Map.of("A", "N1", "B", "N1", "D", "N2"), Map.of(NationalReference.key(SPEC.id(), "all"), reference),
        Map.of(SPEC.id(), SPEC), SETTINGS, "r1").stream().map(IndicatorRows::withSchema).toList();
    assertEquals(4, rows.size(), "N1, C on its own, N2 and the nation");
    Row n1 = find(rows, "N1");
    assertEquals(150L, n1.<Long>getAs("n"));
    assertEquals(15L, n1.<Long>getAs("observed"));
    assertEquals(15.0, n1.<Double>getAs("expected"), 1e-12);
    assertEquals(1.0, n1.<Double>getAs("oe_ratio"), 1e-12);
    assertEquals(ExactPoisson.interval(15, 0.95)[0] / 15, n1.<Double>getAs("oe_ci_lower"), 1e-12);
    assertEquals(Math.pow(0.6, 1.0), n1.<Double>getAs("adjusted_survival"), 1e-12);
    assertEquals("as_expected", n1.getAs("flag"));
    assertNull(n1.getAs("crude_rate"), "crude survival is not additive over centres");
    assertEquals(40 / 30.0, find(rows, "C").<Double>getAs("oe_ratio"), 1e-12);
    assertEquals("too_few", find(rows, "N2").getAs("status"));
    assertNull(find(rows, "N2").getAs("flag"));
    assertNull(find(rows, "ALL").getAs("flag"));
    assertEquals(56L, find(rows, "ALL").<Long>getAs("observed"));
  }

  private static Row find(List<Row> rows, String unit) {
    return rows.stream().filter(r -> r.getAs("center_id").equals(unit)).findFirst()
        .orElseThrow(() -> new AssertionError(unit + " not in " + rows));
  }
}
