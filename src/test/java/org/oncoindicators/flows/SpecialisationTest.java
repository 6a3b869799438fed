package org.oncoindicators.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oncoindicators.flows.IndicatorRows.anIndicatorRow;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.indicators.IndicatorTable;
import org.oncoindicators.testing.SparkTestBase;

/** A centre's cancer groups graded and ranked on hand-made indicator rows whose evidence is known. */
class SpecialisationTest extends SparkTestBase {
  private static List<Row> rows;

  private static Row survival5y(String centre, String group, long n, String flag, double oe, double ciLower,
                                double ciUpper, double shrunken) {
    return anIndicatorRow().with("center_id", centre).with("indicator_id", "survival_5y_" + group)
        .with("cancer_group", group).with("horizon_years", 5).with("n", n).with("observed", 10L)
        .with("expected", 10.0).with("oe_ratio", oe).with("oe_ci_lower", ciLower).with("oe_ci_upper", ciUpper)
        .with("funnel_basis", "poisson").with("funnel_95_lower", 0.7).with("funnel_95_upper", 1.15)
        .with("flag", flag).with("shrunken_oe", shrunken).with("better", "lower")
        .with("status", flag == null ? "too_few" : "ok").row();
  }

  private static Row national(String group, long n) {
    return anIndicatorRow().with("center_id", "ALL").with("indicator_id", "survival_5y_" + group)
        .with("cancer_group", group).with("horizon_years", 5).with("n", n).with("observed", 100L)
        .with("expected", 100.0).with("oe_ratio", 1.0).with("funnel_basis", "poisson").with("better", "lower").row();
  }

  @BeforeAll
  static void build() {
    Dataset<Row> indicators = spark().createDataFrame(List.of(
        survival5y("X", "stomach", 100, "lower", 0.5, 0.35, 0.7, 0.6),
        survival5y("X", "lung", 80, "as_expected", 1.2, 0.9, 1.5, 1.1),
        survival5y("X", "liver", 30, "as_expected", 0.9, 0.6, 1.4, 0.95),
        survival5y("X", "colorectum", 12, null, 0.3, 0.1, 0.9, 0.5),
        survival5y("X", "thyroid", 400, "as_expected", 1.0, 0.9, 1.1, 1.0),
        survival5y("Y", "stomach", 50, "higher", 2.0, 1.5, 2.6, 1.8),
        national("stomach", 1000), national("lung", 800), national("liver", 300), national("colorectum", 120),
        national("thyroid", 4000),
        anIndicatorRow().with("center_id", "X").with("indicator_id", "postop_mortality_30d_stomach")
            .with("cancer_group", "stomach").with("n", 40L).with("funnel_basis", "binomial").with("flag", "higher")
            .row()), IndicatorTable.SCHEMA);
    StructType survivalSchema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("center_id", DataTypes.StringType, false),
        DataTypes.createStructField("cancer_group", DataTypes.StringType, false),
        DataTypes.createStructField("stratum", DataTypes.StringType, false),
        DataTypes.createStructField("approach", DataTypes.StringType, false),
        DataTypes.createStructField("estimator", DataTypes.StringType, false),
        DataTypes.createStructField("horizon_years", DataTypes.IntegerType, false),
        DataTypes.createStructField("estimate", DataTypes.DoubleType, true),
        DataTypes.createStructField("ci_lower", DataTypes.DoubleType, true),
        DataTypes.createStructField("ci_upper", DataTypes.DoubleType, true)));
    Dataset<Row> survival = spark().createDataFrame(List.of(
        RowFactory.create("X", "stomach", "all", "cohort", "net_pohar_perme", 5, 0.62, 0.55, 0.69),
        RowFactory.create("X", "stomach", "all", "period", "net_pohar_perme", 5, 0.99, 0.9, 1.0),
        RowFactory.create("X", "stomach", "sex=F", "cohort", "net_pohar_perme", 5, 0.99, 0.9, 1.0),
        RowFactory.create("X", "stomach", "all", "cohort", "net_pohar_perme_agestd", 5, 0.6, 0.5, 0.7),
        RowFactory.create("ALL", "stomach", "all", "cohort", "net_pohar_perme", 5, 0.5, 0.48, 0.52),
        RowFactory.create("ALL", "stomach", "all", "cohort", "net_pohar_perme_agestd", 5, 0.51, 0.49, 0.53),
        RowFactory.create("X", "stomach", "all", "cohort", "net_pohar_perme", 1, 0.9, 0.85, 0.95)), survivalSchema);
    rows = Specialisation.build(indicators, survival, "survival_5y", 1.25, "r1").collectAsList();
  }

  private static Row find(String centre, String group) {
    return rows.stream().filter(r -> r.getAs("center_id").equals(centre) && r.getAs("cancer_group").equals(group))
        .findFirst().orElseThrow(() -> new AssertionError(centre + " " + group + " not in " + rows));
  }

  @Test
  void evidenceFollowsTheFunnelLimitsAndTheBetterDirection() {
    assertEquals(Specialisation.STRONGER, find("X", "stomach").getAs("evidence"));
    assertEquals(true, find("X", "stomach").getAs("candidate_specialty"));
    assertEquals(Specialisation.LIKELY_WEAKER, find("X", "lung").getAs("evidence"));
    assertEquals(Specialisation.TOO_SMALL, find("X", "liver").getAs("evidence"));
    assertEquals(Specialisation.TOO_FEW, find("X", "colorectum").getAs("evidence"));
    assertEquals(Specialisation.AS_EXPECTED, find("X", "thyroid").getAs("evidence"));
    assertEquals(Specialisation.WEAKER, find("Y", "stomach").getAs("evidence"));
    assertEquals(false, find("X", "thyroid").getAs("candidate_specialty"));
    assertEquals(6, rows.size(), "one row per centre and group of the chosen indicator");
  }

  @Test
  void groupsAreRankedByShrunkenOeBestFirstLeavingOutThoseNotCompared() {
    assertEquals(1, find("X", "stomach").<Integer>getAs("rank_in_centre"));
    assertEquals(2, find("X", "liver").<Integer>getAs("rank_in_centre"));
    assertEquals(3, find("X", "thyroid").<Integer>getAs("rank_in_centre"));
    assertEquals(4, find("X", "lung").<Integer>getAs("rank_in_centre"));
    assertNull(find("X", "colorectum").getAs("rank_in_centre"), "0.3 raw, but too few to compare");
  }

  @Test
  void volumeShareAndNetSurvivalBesideTheNations() {
    Row stomach = find("X", "stomach");
    assertEquals(0.1, stomach.<Double>getAs("volume_share"), 1e-12);
    assertEquals(0.62, stomach.<Double>getAs("net_survival"), 1e-12);
    assertEquals(0.55, stomach.<Double>getAs("net_survival_ci_lower"), 1e-12);
    assertEquals(0.5, stomach.<Double>getAs("national_net_survival"), 1e-12);
    assertEquals(0.6, stomach.<Double>getAs("net_survival_agestd"), 1e-12);
    assertEquals(0.51, stomach.<Double>getAs("national_net_survival_agestd"), 1e-12);
    assertTrue(find("X", "lung").isNullAt(find("X", "lung").fieldIndex("net_survival")));
  }
}
