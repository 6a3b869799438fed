package org.oncoindicators.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.testing.ReferenceRun;
import org.oncoindicators.testing.SparkTestBase;

/**
 * The reference run's publication (400 patients in 8 centres: most cells are small) attacked as a
 * reader would: every sum the data dictionary documents (centres to the nation, strata to
 * {@code all}, treating regions to the residents, regions, cancer groups and years to their
 * totals, derived flow measures to their cells) and the survival cells that survival indicators
 * repeat, solved by subtraction until nothing more follows. No suppressed count may come out
 * right; and with primary suppression alone the same attack does recover counts, so the test can
 * fail.
 */
class SuppressionAttackTest extends SparkTestBase {
  private static final SuppressionRule RULE = new SuppressionRule(10, 5);
  private static Map<String, Row> survival;
  private static Map<String, Row> indicators;
  private static Map<String, Row> flows;
  private static Warehouse reference;
  private static Set<String> nonCapital;

  @BeforeAll
  static void readThePublication() {
    Path dir = ReferenceRun.publication();
    reference = new Warehouse(spark(), ReferenceRun.warehouse());
    survival = published(dir.resolve("survival.csv"), r -> "observed_km".equals(r.getAs("estimator"))
        ? key(r, "center_id", "cancer_group", "stratum", "approach", "horizon_years") : null);
    indicators = published(dir.resolve("indicators.csv"), r -> key(r, "center_id", "indicator_id", "stratum", "period"));
    flows = published(dir.resolve("patient_flows.csv"), r -> key(r, "measure", "cancer_group", "diagnosis_year",
        "residence_region", "treating_region"));
    nonCapital = new TreeSet<>();
    for (Row r : spark().read().option("header", true).csv(home().resolve("conf/reference/korea_regions.csv")
        .toString()).collectAsList()) {
      if ("0".equals(r.getAs("capital_area"))) {
        nonCapital.add(r.getAs("iso_3166_2"));
      }
    }
  }

  private static Map<String, Row> published(Path csv, Function<Row, String> keyOf) {
    Map<String, Row> m = new LinkedHashMap<>();
    for (Row r : spark().read().option("header", true).option("comment", "#").csv(csv.toString()).collectAsList()) {
      String k = keyOf.apply(r);
      if (k != null) {
        m.put(k, r);
      }
    }
    return m;
  }

  private static String key(Row r, String... columns) {
    StringBuilder b = new StringBuilder();
    for (String c : columns) {
      b.append(b.length() == 0 ? "" : "|").append(r.<String>getAs(c));
    }
    return b.toString();
  }

  private static Long value(Row r, String column) {
    String v = r.getAs(column);
    return v == null || v.isEmpty() ? null : Long.parseLong(v);
  }

  private static boolean hidden(Row r) {
    String s = r.getAs(SmallCellSuppression.COLUMN);
    return s != null && !s.isEmpty();
  }

  @Test
  void everyShownCountIsAtLeastTheThresholdAndManyCellsAreSuppressed() {
    long hiddenCells = 0;
    for (Row r : survival.values()) {
      if (hidden(r)) {
        hiddenCells++;
        assertEquals(null, value(r, "n_patients"));
      } else {
        assertTrue(value(r, "n_patients") >= RULE.minPatients() && value(r, "n_events") >= RULE.minEvents(), r.toString());
      }
    }
    for (Row r : indicators.values()) {
      if (!hidden(r) && value(r, "n") != null) {
        assertTrue(value(r, "n") >= RULE.minPatients() && value(r, "observed") >= RULE.minEvents(), r.toString());
      }
    }
    for (Row r : flows.values()) {
      if (!hidden(r)) {
        assertTrue(value(r, "n") >= RULE.minPatients(), r.toString());
      }
    }
    assertTrue(hiddenCells > 100, "the small reference run has many small cells: " + hiddenCells);
    assertTrue(survival.values().stream().anyMatch(r -> "complementary".equals(r.getAs(SmallCellSuppression.COLUMN))));
  }

  @Test
  void suppressedCellCannotBeRecoveredFromThePublishedSet() {
    for (String channel : List.of("patients", "events")) {
      Map<String, Long> truth = new HashMap<>();
      SubtractionAttack attack = attack(channel, truth, false);
      Map<String, Long> right = rightGuesses(attack.recover(), truth);
      assertEquals(Map.of(), right, channel + " of suppressed cells worked out by subtraction");
    }
  }

  @Test
  void withPrimarySuppressionAloneTheSameAttackRecoversCells() {
    Map<String, Long> truth = new HashMap<>();
    Map<String, Long> right = rightGuesses(attack("patients", truth, true).recover(), truth);
    assertFalse(right.isEmpty(), "the attack finds what complementary suppression protects");
  }

  private static Map<String, Long> rightGuesses(Map<String, Long> recovered, Map<String, Long> truth) {
    Map<String, Long> right = new TreeMap<>();
    recovered.forEach((cell, v) -> {
      if (v.equals(truth.get(cell))) {
        right.put(cell, v);
      }
    });
    return right;
  }

  /**
   * The equations a reader has, with the published values (or, when {@code primaryOnly}, every value
   * but the primarily suppressed ones); the true counts go into {@code truth}.
   */
  private static SubtractionAttack attack(String channel, Map<String, Long> truth, boolean primaryOnly) {
    boolean events = channel.equals("events");
    SubtractionAttack a = new SubtractionAttack();
    // survival cells: truth from gold.survival
    for (Row t : reference.read(TableId.GOLD_SURVIVAL).filter("estimator = 'observed_km' AND run_id = '"
        + ReferenceRun.RUN_DATE + "'").collectAsList()) {
      String k = "S|" + t.getAs("center_id") + "|" + t.getAs("cancer_group") + "|" + t.getAs("stratum") + "|"
          + t.getAs("approach") + "|" + t.getAs("horizon_years");
      truth.put(k, events ? t.<Long>getAs("n_events") : t.<Long>getAs("n_patients"));
    }
    Map<String, List<String>> sums = new HashMap<>();
    for (Map.Entry<String, Row> e : survival.entrySet()) {
      Row r = e.getValue();
      String k = "S|" + e.getKey();
      a.publish(k, shown(r, primaryOnly) ? truth.get(k) : null);
      String center = r.getAs("center_id");
      String stratum = r.getAs("stratum");
      String rest = r.getAs("cancer_group") + "|" + r.getAs("approach") + "|" + r.getAs("horizon_years");
      if (!center.equals("ALL")) {
        sums.computeIfAbsent("S|ALL|" + stratumKey(rest, stratum), x -> new ArrayList<>()).add(k);
      }
      if (!stratum.equals("all")) {
        String family = stratum.substring(0, stratum.indexOf('='));
        sums.computeIfAbsent("S|" + center + "|" + stratumKey(rest, "all") + "#" + family, x -> new ArrayList<>()).add(k);
      }
    }
    // indicators
    for (Row t : reference.read(TableId.GOLD_INDICATORS).filter("run_id = '" + ReferenceRun.RUN_DATE + "'")
        .collectAsList()) {
      String k = "I|" + t.getAs("center_id") + "|" + t.getAs("indicator_id") + "|" + t.getAs("stratum") + "|"
          + t.getAs("period");
      truth.put(k, events ? t.<Long>getAs("observed") : t.<Long>getAs("n"));
    }
    for (Map.Entry<String, Row> e : indicators.entrySet()) {
      Row r = e.getValue();
      String k = "I|" + e.getKey();
      a.publish(k, shown(r, primaryOnly) ? truth.get(k) : null);
      String center = r.getAs("center_id");
      String rest = r.getAs("indicator_id") + "|" + r.getAs("stratum") + "|" + r.getAs("period");
      if (!center.equals("ALL")) {
        sums.computeIfAbsent("I|ALL|" + rest, x -> new ArrayList<>()).add(k);
      }
      String id = r.getAs("indicator_id");
      String horizon = r.getAs("horizon_years");
      if (id.startsWith("survival_") && horizon != null && !horizon.isEmpty()) {
        // the survival indicator counts the centre's cohort 'all' survival cell
        sums.put("S|" + center + "|" + r.getAs("cancer_group") + "|all|cohort|" + horizon + "#alias" + id,
            new ArrayList<>(List.of(k)));
      }
    }
    // patient flows (patients only)
    if (!events) {
      addFlows(a, sums, truth, primaryOnly);
    }
    sums.forEach((total, components) -> a.sum(total.contains("#") ? total.substring(0, total.indexOf('#')) : total,
        components));
    return a;
  }

  private static String stratumKey(String rest, String stratum) {
    String[] p = rest.split("\\|");
    return p[0] + "|" + stratum + "|" + p[1] + "|" + p[2];
  }

  private static void addFlows(SubtractionAttack a, Map<String, List<String>> sums, Map<String, Long> truth,
                               boolean primaryOnly) {
    Set<String> capital = new TreeSet<>();
    for (Row t : reference.read(TableId.GOLD_PATIENT_FLOWS).filter("run_id = '" + ReferenceRun.RUN_DATE + "'")
        .collectAsList()) {
      String measure = t.getAs("measure");
      String cell = t.getAs("cancer_group") + "|" + t.getAs("diagnosis_year") + "|" + t.getAs("residence_region");
      if (measure.equals("residence_x_region")) {
        truth.put("F|" + cell + "|" + t.getAs("treating_region"), t.<Long>getAs("n"));
        truth.put("F|" + cell + "|ALL", t.<Long>getAs("denominator"));
        if (!nonCapital.contains(t.<String>getAs("treating_region"))) {
          capital.add(t.getAs("treating_region"));
        }
      } else if (measure.equals("self_sufficiency") || measure.equals("capital_outflow")) {
        truth.put("D|" + measure + "|" + cell, t.<Long>getAs("n"));
      }
    }
    for (Map.Entry<String, Row> e : flows.entrySet()) {
      Row r = e.getValue();
      String measure = r.getAs("measure");
      String g = r.getAs("cancer_group");
      String y = r.getAs("diagnosis_year");
      String res = r.getAs("residence_region");
      if (measure.equals("residence_x_region")) {
        String treat = r.getAs("treating_region");
        String k = "F|" + g + "|" + y + "|" + res + "|" + treat;
        a.publish(k, shown(r, primaryOnly) ? truth.get(k) : null);
        if (!treat.equals("ALL")) {
          sums.computeIfAbsent("F|" + g + "|" + y + "|" + res + "|ALL", x -> new ArrayList<>()).add(k);
        }
        if (nonCapital.contains(res)) {
          sums.computeIfAbsent("F|" + g + "|" + y + "|ALL_NON_CAPITAL|" + treat, x -> new ArrayList<>()).add(k);
        }
        if (!g.equals("all_sites")) {
          sums.computeIfAbsent("F|all_sites|" + y + "|" + res + "|" + treat, x -> new ArrayList<>()).add(k);
        }
        if (!y.equals("all")) {
          sums.computeIfAbsent("F|" + g + "|all|" + res + "|" + treat, x -> new ArrayList<>()).add(k);
        }
      } else {
        String k = "D|" + measure + "|" + g + "|" + y + "|" + res;
        a.publish(k, shown(r, primaryOnly) ? truth.get(k) : null);
        List<String> parts = measure.equals("self_sufficiency") ? List.of("F|" + g + "|" + y + "|" + res + "|" + res)
            : capital.stream().map(c -> "F|" + g + "|" + y + "|" + res + "|" + c).toList();
        a.sum(k, parts);
      }
    }
  }

  private static boolean shown(Row r, boolean primaryOnly) {
    String s = r.getAs(SmallCellSuppression.COLUMN);
    return primaryOnly ? !"primary".equals(s) : s == null || s.isEmpty();
  }
}
