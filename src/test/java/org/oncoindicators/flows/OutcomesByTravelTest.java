package org.oncoindicators.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.indicators.IndicatorCellTable;
import org.oncoindicators.indicators.IndicatorSpec;
import org.oncoindicators.riskadjust.CentreCounts;
import org.oncoindicators.testing.SparkTestBase;

/**
 * Outcomes of residents treated at home versus in the capital area on hand-built indicator cells
 * whose sums are known; the exact comparison matches R's {@code binom.test} (R 4.2.2; intervals to 1e-9):
 * {@code binom.test(12, 20, 1/3)}, {@code binom.test(3, 30, 0.5)} and {@code binom.test(0, 10, 1/3)}, the
 * ratio's interval being {@code conf.int / (1 - conf.int) * E_home / E_travel}.
 */
class OutcomesByTravelTest extends SparkTestBase {
  private static final double[] CUTS = {0, 1};
  private static final IndicatorSpec SPEC = new IndicatorSpec("survival_1y_stomach", "t", IndicatorSpec.Kind.SURVIVAL,
      "stomach", List.of("stomach"), IndicatorSpec.Population.DIAGNOSED, null, IndicatorSpec.Event.DEATH, null, 1,
      IndicatorSpec.Model.PIECEWISE_EXPONENTIAL, List.of(), false, "lower", 5, CUTS);
  private static List<Row> rows;

  private static Row cell(String centre, String residence, long n, long observed, double expected) {
    return RowFactory.create("survival_1y_stomach", "stomach", "all", centre, residence, n, observed, expected, "r1");
  }

  @BeforeAll
  static void build() {
    Dataset<Row> cells = spark().createDataFrame(List.of(
        cell("BUSAN", "KR-26", 40, 5, 7.0), cell("BUSAN-2", "KR-26", 20, 3, 5.0), // home: O 8, E 12
        cell("SEOUL-1", "KR-26", 15, 7, 3.5), cell("SEOUL-2", "KR-26", 10, 5, 2.5), // capital: O 12, E 6
        cell("DAEGU", "KR-26", 3, 1, 1.0), // elsewhere
        cell("SEOUL-1", "KR-11", 100, 20, 20.0), // capital residents: not in the table
        cell("SEOUL-1", "JP", 4, 1, 1.0), // abroad: not in the table
        cell("DAEGU", "KR-27", 30, 27, 15.0), cell("SEOUL-2", "KR-27", 30, 3, 15.0)), IndicatorCellTable.SCHEMA);
    StructType regionSchema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("center_id", DataTypes.StringType, false),
        DataTypes.createStructField("center_region", DataTypes.StringType, false)));
    Dataset<Row> regions = spark().createDataFrame(List.of(RowFactory.create("BUSAN", "KR-26"),
        RowFactory.create("BUSAN-2", "KR-26"), RowFactory.create("SEOUL-1", "KR-11"),
        RowFactory.create("SEOUL-2", "KR-11"), RowFactory.create("DAEGU", "KR-27")), regionSchema);
    List<Row> groups = OutcomesByTravel.groups(cells, regions, Set.of("KR-11", "KR-26", "KR-27"), Set.of("KR-11"))
        .collectAsList();
    NationalReference reference = new NationalReference("survival_1y_stomach", "all", "stomach", 1, "poisson", 0.2,
        0.8, new CentreCounts("ALL", "all", 252, 72, 72.0, 0.2));
    rows = OutcomesByTravel.compare(groups, Map.of(NationalReference.key("survival_1y_stomach", "all"), reference),
        Map.of(SPEC.id(), SPEC), 0.95, "r1");
  }

  private static Row find(String residence, String treatedIn) {
    return rows.stream().filter(r -> Objects.equals(r.getAs("residence_region"), residence)
        && Objects.equals(r.getAs("treated_in"), treatedIn)).findFirst()
        .orElseThrow(() -> new AssertionError(residence + " " + treatedIn + " not in " + rows));
  }

  @Test
  void residentsAreGroupedByWhereTheyWereTreated() {
    Row home = find("KR-26", OutcomesByTravel.HOME);
    assertEquals(60L, home.<Long>getAs("n"));
    assertEquals(8L, home.<Long>getAs("observed"));
    assertEquals(12.0, home.<Double>getAs("expected"), 1e-12);
    assertEquals(8 / 12.0, home.<Double>getAs("oe_ratio"), 1e-12);
    assertEquals(Math.pow(0.8, 8 / 12.0), home.<Double>getAs("adjusted_survival"), 1e-12);
    assertEquals(1 - Math.pow(0.8, 8 / 12.0), home.<Double>getAs("risk_standardised_rate"), 1e-12);
    assertEquals(25L, find("KR-26", OutcomesByTravel.CAPITAL).<Long>getAs("n"));
    assertEquals(3L, find("KR-26", OutcomesByTravel.ELSEWHERE).<Long>getAs("n"));
    assertEquals(8, rows.size(), "KR-26 home/capital/elsewhere, KR-27 home/capital, and the three of ALL_NON_CAPITAL");
  }

  @Test
  void allNonCapitalSumsTheRegions() {
    Row capital = find(PatientFlows.ALL_NON_CAPITAL, OutcomesByTravel.CAPITAL);
    assertEquals(55L, capital.<Long>getAs("n"));
    assertEquals(15L, capital.<Long>getAs("observed"));
    assertEquals(21.0, capital.<Double>getAs("expected"), 1e-12);
  }

  @Test
  void travellersAreComparedWithHomeByTheExactConditionalTest() {
    Row capital = find("KR-26", OutcomesByTravel.CAPITAL);
    assertEquals(3.0, capital.<Double>getAs("ratio_to_home"), 1e-12);
    assertEquals(0.0162813120833392, capital.<Double>getAs("p_value"), 1e-12);
    assertEquals(1.12765160009447, capital.<Double>getAs("ratio_ci_lower"), 1e-9);
    assertEquals(8.46079483636707, capital.<Double>getAs("ratio_ci_upper"), 1e-9);
    assertEquals(OutcomesByTravel.WORSE, capital.getAs("comparison"), "more deaths than home; lower is better");
    assertNull(find("KR-26", OutcomesByTravel.HOME).getAs("comparison"));
    assertEquals("too_few", find("KR-26", OutcomesByTravel.ELSEWHERE).getAs("status"));
    assertNull(find("KR-26", OutcomesByTravel.ELSEWHERE).getAs("comparison"));
  }

  @Test
  void fewerDeathsAfterTravelAreBetter() {
    Row capital = find("KR-27", OutcomesByTravel.CAPITAL);
    assertEquals(1.8, find("KR-27", OutcomesByTravel.HOME).<Double>getAs("oe_ratio"), 1e-12);
    assertEquals(1 / 9.0, capital.<Double>getAs("ratio_to_home"), 1e-12);
    assertEquals(8.43033194541932e-06, capital.<Double>getAs("p_value"), 1e-15);
    assertEquals(0.0215726904909191, capital.<Double>getAs("ratio_ci_lower"), 1e-9);
    assertEquals(0.3610783723836034, capital.<Double>getAs("ratio_ci_upper"), 1e-9);
    assertEquals(OutcomesByTravel.BETTER, capital.getAs("comparison"));
  }

  @Test
  void noEventsAmongTravellersStillHasAnExactInterval() {
    OutcomesByTravel.Ratio r = OutcomesByTravel.Ratio.of(0, 5.0, 10, 10.0, 0.95); // binom.test(0, 10, 1/3)
    assertEquals(0.0, r.estimate(), 0);
    assertEquals(0.0370031668614202, r.p(), 1e-12);
    assertEquals(0.0, r.lower(), 0);
    assertEquals(0.89225109918385, r.upper(), 1e-9);
    assertNull(OutcomesByTravel.Ratio.of(4, 5.0, 0, 10.0, 0.95).upper(), "no events at home: no upper bound");
  }
}
