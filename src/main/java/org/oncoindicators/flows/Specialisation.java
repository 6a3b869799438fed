package org.oncoindicators.flows;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.oncoindicators.riskadjust.CentreComparison;
import org.oncoindicators.spark.Seqs;
import org.oncoindicators.survival.AgeStandardisedSurvival;
import org.oncoindicators.survival.NetSurvival;

/**
 * Each centre's cancer groups ranked by risk-adjusted outcome against the national reference —
 * the evidence a centre needs to claim a specialised cancer type. Per centre and group: volume and
 * its share of the nation's, O/E of the chosen indicator with its interval and shrunken value,
 * risk-adjusted survival, net survival (Pohar-Perme, crude and age-standardised) beside the
 * nation's, and an {@code evidence} grade from the funnel limits: {@code stronger}/{@code weaker}
 * outside the 99.8% limits, {@code likely_stronger}/{@code likely_weaker} outside the 95% ones,
 * {@code as_expected}; with the warnings {@code too_few_to_compare} (below min-n, not compared)
 * and {@code too_small_to_tell} (inside the limits, but the O/E interval reaches beyond both
 * 1/r and r, so a difference of that size could be missed). The rank orders the compared groups
 * of a centre by shrunken O/E, best first, so a small group's chance extreme does not top it (ties,
 * as when no between-centre variance is found and every estimate shrinks to 1, by the raw O/E).
 */
public final class Specialisation {
  public static final String STRONGER = "stronger";
  public static final String LIKELY_STRONGER = "likely_stronger";
  public static final String AS_EXPECTED = "as_expected";
  public static final String LIKELY_WEAKER = "likely_weaker";
  public static final String WEAKER = "weaker";
  public static final String TOO_FEW = "too_few_to_compare";
  public static final String TOO_SMALL = "too_small_to_tell";
  static final List<String> COLUMNS = List.of("center_id", "cancer_group", "indicator_id", "rank_in_centre",
      "evidence", "candidate_specialty", "n", "volume_share", "observed", "expected", "oe_ratio", "oe_ci_lower",
      "oe_ci_upper", "shrunken_oe", "flag", "adjusted_survival", "adjusted_survival_ci_lower",
      "adjusted_survival_ci_upper", "national_rate", "net_survival", "net_survival_ci_lower", "net_survival_ci_upper",
      "national_net_survival", "net_survival_agestd", "national_net_survival_agestd", "horizon_years", "better",
      "run_id");

  private Specialisation() {}

  /**
   * @param indicators gold.indicators rows of the run
   * @param survival gold.survival rows of the run
   * @param indicatorPrefix catalogue id of the ranking indicator without its {@code _<group>} suffix
   * @param meaningfulRatio r of {@code too_small_to_tell}
   */
  public static Dataset<Row> build(Dataset<Row> indicators, Dataset<Row> survival, String indicatorPrefix,
                                   double meaningfulRatio, String runId) {
    Dataset<Row> chosen = indicators.filter(col("indicator_id").equalTo(
            concat(lit(indicatorPrefix + "_"), col("cancer_group")))
        .and(col("period").equalTo("all")).and(col("funnel_basis").isNotNull()));
    Dataset<Row> national = chosen.filter(col("center_id").equalTo("ALL"))
        .select(col("indicator_id"), col("n").as("national_n"));
    Column lowerBetter = col("better").equalTo("lower");
    Column belowOuter = col("flag").equalTo(CentreComparison.LOWER);
    Column aboveOuter = col("flag").equalTo(CentreComparison.HIGHER);
    Column belowInner = col("oe_ratio").lt(col("funnel_95_lower"));
    Column aboveInner = col("oe_ratio").gt(col("funnel_95_upper"));
    Column wide = col("oe_ci_lower").lt(lit(1 / meaningfulRatio)).and(col("oe_ci_upper").gt(lit(meaningfulRatio)));
    Column evidence = when(col("flag").isNull(), lit(TOO_FEW))
        .when(belowOuter, when(lowerBetter, lit(STRONGER)).otherwise(lit(WEAKER)))
        .when(aboveOuter, when(lowerBetter, lit(WEAKER)).otherwise(lit(STRONGER)))
        .when(belowInner, when(lowerBetter, lit(LIKELY_STRONGER)).otherwise(lit(LIKELY_WEAKER)))
        .when(aboveInner, when(lowerBetter, lit(LIKELY_WEAKER)).otherwise(lit(LIKELY_STRONGER)))
        .when(wide, lit(TOO_SMALL)).otherwise(lit(AS_EXPECTED));
    Column goodness = when(lowerBetter, col("shrunken_oe").unary_$minus()).otherwise(col("shrunken_oe"));
    Column rawGoodness = when(lowerBetter, col("oe_ratio").unary_$minus()).otherwise(col("oe_ratio"));
    Dataset<Row> centres = chosen.filter(col("center_id").notEqual("ALL"))
        .join(national, Seqs.of("indicator_id"))
        .withColumn("evidence", evidence)
        .withColumn("candidate_specialty", col("evidence").isin(STRONGER, LIKELY_STRONGER))
        .withColumn("volume_share", when(col("national_n").gt(0), col("n").divide(col("national_n"))))
        .withColumn("_compared", col("flag").isNotNull().and(col("shrunken_oe").isNotNull()))
        .withColumn("_order", row_number().over(Window.partitionBy("center_id", "_compared")
            .orderBy(goodness.desc(), rawGoodness.desc(), col("cancer_group"))))
        .withColumn("rank_in_centre", when(col("_compared"), col("_order")));
    Dataset<Row> net = netSurvival(survival);
    Dataset<Row> nationalNet = net.filter(col("center_id").equalTo("ALL")).drop("center_id")
        .withColumnRenamed("net_survival", "national_net_survival")
        .withColumnRenamed("net_survival_agestd", "national_net_survival_agestd")
        .drop("net_survival_ci_lower", "net_survival_ci_upper");
    return centres.join(net, Seqs.of("center_id", "cancer_group", "horizon_years"), "left")
        .join(nationalNet, Seqs.of("cancer_group", "horizon_years"), "left")
        .withColumn("run_id", lit(runId))
        .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** Cohort net survival of the whole group (stratum all) per centre, group and horizon: crude and age-standardised. */
  static Dataset<Row> netSurvival(Dataset<Row> survival) {
    Dataset<Row> all = survival.filter(col("stratum").equalTo("all").and(col("approach").equalTo("cohort")));
    Dataset<Row> crude = all.filter(col("estimator").equalTo(NetSurvival.POHAR_PERME))
        .select(col("center_id"), col("cancer_group"), col("horizon_years"), col("estimate").as("net_survival"),
            col("ci_lower").as("net_survival_ci_lower"), col("ci_upper").as("net_survival_ci_upper"));
    Dataset<Row> standardised = all.filter(col("estimator").equalTo(AgeStandardisedSurvival.ESTIMATOR))
        .groupBy("center_id", "cancer_group", "horizon_years").agg(first("estimate").as("net_survival_agestd"));
    return crude.join(standardised, Seqs.of("center_id", "cancer_group", "horizon_years"), "left");
  }
}
