package org.oncoindicators.riskadjust;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/**
 * Planted truth at scale, simulated straight into units: 120 centres without an effect, 5 large
 * centres with a planted odds ratio of 2.5, 5 small ones with the same effect, and one centre
 * whose patients are older and later-stage but treated as well as anyone. Risk adjustment must
 * flag the large planted centres, leave the small ones and the case-mix centre unflagged, keep the
 * false-flag rate near the nominal level, while the crude rate calls the case-mix centre worse.
 */
class PlantedCaseMixTest extends SparkTestBase {
  private static final ComparisonSettings SETTINGS = new ComparisonSettings(0.95, 0.95, 0.998, 0.1, 0.05, 5, 20);
  private static final List<Covariate> CASE_MIX = List.of(Covariate.categorical("age_group"),
      Covariate.categorical("stage"), Covariate.categorical("charlson"));
  private static Dataset<Row> units;

  private static Dataset<Row> centres(String prefix, int centres, int size, double logOr, boolean sicker, long seed) {
    Column older = sicker ? lit(0.35) : lit(0.0);
    Column age = rand(seed).minus(older);
    Column st = rand(seed + 1).minus(older);
    Column ch = rand(seed + 2).minus(older);
    return spark().range(0, (long) centres * size).select(
        concat(lit(prefix), floor(col("id").divide(size)).cast("string")).as("center_id"), lit("all").as("period"),
        when(age.lt(0.25), lit("75+")).when(age.lt(0.55), lit("65-74")).otherwise(lit("45-64")).as("age_group"),
        when(st.lt(0.2), lit("distant")).when(st.lt(0.5), lit("regional")).when(st.lt(0.55), lit("unknown"))
            .otherwise(lit("localized")).as("stage"),
        when(ch.lt(0.15), lit("2")).when(ch.lt(0.4), lit("1")).otherwise(lit("0")).as("charlson"),
        rand(seed + 3).as("u"), lit(logOr).as("centre_effect"));
  }

  @BeforeAll
  static void simulate() {
    Dataset<Row> all = centres("NULL-", 120, 400, 0, false, 1)
        .unionByName(centres("BIG-", 5, 600, Math.log(2.5), false, 11))
        .unionByName(centres("SMALL-", 5, 40, Math.log(2.5), false, 21))
        .unionByName(centres("SICKER-", 1, 2000, 0, true, 31));
    Column logit = lit(-3.2)
        .plus(when(col("age_group").equalTo("75+"), 1.0).when(col("age_group").equalTo("65-74"), 0.5).otherwise(0.0))
        .plus(when(col("stage").equalTo("distant"), 1.4).when(col("stage").equalTo("regional"), 0.6)
            .when(col("stage").equalTo("unknown"), 0.8).otherwise(0.0))
        .plus(col("charlson").cast("double").multiply(0.35)).plus(col("centre_effect"));
    units = all.withColumn("event", when(col("u").lt(lit(1.0).divide(lit(1.0).plus(exp(logit.unary_$minus())))), 1)
        .otherwise(0)).cache();
  }

  private static Map<String, Comparison> compare(List<Covariate> covariates) {
    LogisticCaseMix.Output out = LogisticCaseMix.run(units, covariates, 10);
    CentreCounts nation = out.nation().get("all");
    return new CentreComparison(FunnelLimits.Basis.BINOMIAL, SETTINGS)
        .compare(out.centres(), nation, RateScale.proportion(nation.crudeRate())).stream()
        .collect(Collectors.toMap(c -> c.counts().centerId(), c -> c));
  }

  private static long count(Map<String, Comparison> rows, String prefix, String flag) {
    return rows.values().stream().filter(c -> c.counts().centerId().startsWith(prefix) && flag.equals(c.flag())).count();
  }

  @Test
  void largePlantedCentresAreFlaggedAndOthersAreNot() {
    Map<String, Comparison> adjusted = compare(CASE_MIX);
    assertEquals(5, count(adjusted, "BIG-", CentreComparison.HIGHER), "large centres with OR 2.5; dispersion "
        + adjusted.get("BIG-0").dispersion() + ", O/E " + adjusted.get("BIG-0").oe() + " limit " + adjusted.get("BIG-0").funnel998Upper());
    assertTrue(count(adjusted, "SMALL-", CentreComparison.HIGHER) <= 2, "40 patients cannot show OR 2.5 reliably");
    long falseFlags = count(adjusted, "NULL-", CentreComparison.HIGHER) + count(adjusted, "NULL-", CentreComparison.LOWER);
    assertTrue(falseFlags <= 2, "centres without an effect flagged at 99.8%: " + falseFlags);
    long outside95 = adjusted.values().stream().filter(c -> c.counts().centerId().startsWith("NULL-"))
        .filter(c -> c.oe() > c.funnel95Upper() || c.oe() < c.funnel95Lower()).count();
    assertEquals(1.0, adjusted.get("NULL-0").dispersion(), "a few true outliers are winsorised away: no over-dispersion");
    assertTrue(outside95 >= 1 && outside95 <= 14, "null centres outside the 95% limits: " + outside95 + " of 120 "
        + "(nominal 6)");
  }

  @Test
  void anIndicatorWithoutUnitsHasNoRowsWithOrWithoutCovariates() {
    Dataset<Row> none = units.filter("center_id = 'nobody'");
    assertTrue(LogisticCaseMix.run(none, List.of(), 10).centres().isEmpty());
    assertTrue(LogisticCaseMix.run(none, CASE_MIX, 10).centres().isEmpty());
  }

  @Test
  void sickerCentreLooksWorseCrudeButAsExpectedAfterRiskAdjustment() {
    Comparison crude = compare(List.of()).get("SICKER-0");
    Comparison adjusted = compare(CASE_MIX).get("SICKER-0");
    assertEquals(CentreComparison.HIGHER, crude.flag(), "crude O/E " + crude.oe());
    assertEquals(CentreComparison.AS_EXPECTED, adjusted.flag(), "risk-adjusted O/E " + adjusted.oe());
    assertTrue(Math.abs(adjusted.oe() - 1) < 0.15 && crude.oe() > 1.3, crude.oe() + " vs " + adjusted.oe());
  }
}
