package org.oncoindicators.flows;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.indicators.IndicatorSpec;
import org.oncoindicators.indicators.IndicatorTable;
import org.oncoindicators.riskadjust.ExactPoisson;
import org.oncoindicators.riskadjust.RateScale;

/**
 * Risk-adjusted outcomes of the residents of each non-capital region by where they were treated:
 * at home (a centre of their own region), in the capital area, or elsewhere — per indicator, from
 * the additive cells of {@code gold.indicator_cells}, so every group is measured against the same
 * national case-mix model. Travellers are compared with those treated at home by the ratio of
 * their O/E ratios, with the exact conditional test: given O = O_a + O_h events, O_a is
 * Binomial(O, E_a / (E_a + E_h)) when both groups share one O/E (Breslow &amp; Day 1987, §2.3);
 * the ratio's interval maps the Clopper–Pearson interval of that proportion (beta quantiles, as R's
 * {@code binom.test}; Commons Math's ClopperPearsonInterval fails at 0 or all events).
 */
public final class OutcomesByTravel {
  public static final String HOME = "home";
  public static final String CAPITAL = "capital_area";
  public static final String ELSEWHERE = "elsewhere";
  public static final String UNKNOWN = "unknown";
  public static final String BETTER = "better_than_home";
  public static final String WORSE = "worse_than_home";
  public static final String NO_DIFFERENCE = "no_significant_difference";
  public static final StructType SCHEMA = schema();

  private OutcomesByTravel() {}

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    add(f, DataTypes.StringType, "indicator_id", "cancer_group", "period", "residence_region", "treated_in");
    add(f, DataTypes.LongType, "n", "observed");
    add(f, DataTypes.DoubleType, "expected", "oe_ratio", "oe_ci_lower", "oe_ci_upper", "national_rate",
        "risk_standardised_rate", "rs_ci_lower", "rs_ci_upper", "adjusted_survival", "adjusted_survival_ci_lower",
        "adjusted_survival_ci_upper", "ratio_to_home", "ratio_ci_lower", "ratio_ci_upper", "p_value");
    add(f, DataTypes.StringType, "comparison", "better", "status", "run_id");
    return DataTypes.createStructType(f);
  }

  private static void add(List<StructField> f, DataType type, String... names) {
    for (String n : names) {
      f.add(DataTypes.createStructField(n, type, true));
    }
  }

  /**
   * Observed and expected events per indicator, period, residence region (Korean, not capital; and
   * {@link PatientFlows#ALL_NON_CAPITAL}) and where the residents were treated.
   *
   * @param cells gold.indicator_cells rows of the run
   * @param centreRegions center_id, center_region of the treating centres
   */
  public static Dataset<Row> groups(Dataset<Row> cells, Dataset<Row> centreRegions, Set<String> koreanRegions,
                                    Set<String> capitalRegions) {
    Dataset<Row> c = cells.join(broadcast(centreRegions), cells.col("center_id").equalTo(centreRegions.col("center_id")),
            "left").drop(centreRegions.col("center_id"))
        .filter(col("residence_region").isin(koreanRegions.toArray())
            .and(col("residence_region").isin(capitalRegions.toArray()).unary_$bang()))
        .withColumn("treated_in", when(col("center_region").isNull(), lit(UNKNOWN))
            .when(col("center_region").equalTo(col("residence_region")), lit(HOME))
            .when(col("center_region").isin(capitalRegions.toArray()), lit(CAPITAL)).otherwise(lit(ELSEWHERE)));
    Dataset<Row> byRegion = c.groupBy("indicator_id", "cancer_group", "period", "residence_region", "treated_in")
        .agg(sum("n").as("n"), sum("observed").as("observed"), sum("expected").as("expected"));
    Dataset<Row> nonCapital = c.groupBy("indicator_id", "cancer_group", "period", "treated_in")
        .agg(sum("n").as("n"), sum("observed").as("observed"), sum("expected").as("expected"))
        .withColumn("residence_region", lit(PatientFlows.ALL_NON_CAPITAL));
    return byRegion.unionByName(nonCapital);
  }

  /**
   * @param groups rows of {@link #groups}, collected (a few per indicator and region)
   * @param confLevel level of the intervals; the comparison is significant at 1 − confLevel
   */
  public static List<Row> compare(List<Row> groups, Map<List<String>, NationalReference> references,
                                  Map<String, IndicatorSpec> specs, double confLevel, String runId) {
    Map<List<String>, Row> home = new HashMap<>();
    for (Row g : groups) {
      if (HOME.equals(g.getAs("treated_in"))) {
        home.put(List.of(g.getAs("indicator_id"), g.getAs("period"), g.getAs("residence_region")), g);
      }
    }
    List<Row> out = new ArrayList<>();
    for (Row g : groups) {
      String id = g.getAs("indicator_id");
      String period = g.getAs("period");
      NationalReference ref = references.get(NationalReference.key(id, period));
      IndicatorSpec spec = specs.get(id);
      if (ref == null || spec == null) {
        continue;
      }
      Row h = HOME.equals(g.getAs("treated_in")) ? null : home.get(List.of(id, period, g.getAs("residence_region")));
      out.add(row(g, h, ref, spec, confLevel, runId));
    }
    return out;
  }

  private static Row row(Row g, Row home, NationalReference ref, IndicatorSpec spec, double confLevel, String runId) {
    long n = g.getAs("n");
    long o = g.getAs("observed");
    double e = g.getAs("expected");
    RateScale scale = ref.scale();
    Double oe = null;
    Double lo = null;
    Double hi = null;
    String status = n < spec.minN() ? "too_few" : "ok";
    if (e > 0) {
      oe = o / e;
      double[] ci = ExactPoisson.interval(o, confLevel);
      lo = ci[0] / e;
      hi = ci[1] / e;
    } else {
      status = "not_estimable";
    }
    Ratio ratio = home == null ? Ratio.NONE : Ratio.of(o, e, home.getAs("observed"), home.getAs("expected"), confLevel);
    String comparison = null;
    if (home != null && "ok".equals(status) && home.<Long>getAs("n") >= spec.minN() && ratio.p() != null) {
      boolean significant = ratio.p() < 1 - confLevel;
      boolean lower = ratio.estimate() != null && ratio.estimate() < 1;
      comparison = !significant ? NO_DIFFERENCE : lower == "lower".equals(spec.better()) ? BETTER : WORSE;
    }
    Double survival = ref.survival() ? ref.referenceSurvival() : null;
    return new GenericRowWithSchema(new Object[] {g.getAs("indicator_id"), g.getAs("cancer_group"), g.getAs("period"),
        g.getAs("residence_region"), g.getAs("treated_in"), n, o, e, IndicatorTable.value(oe), IndicatorTable.value(lo),
        IndicatorTable.value(hi), IndicatorTable.value(scale.nationalRate()), rate(scale, oe), rate(scale, lo),
        rate(scale, hi), IndicatorTable.power(survival, oe), IndicatorTable.power(survival, hi),
        IndicatorTable.power(survival, lo), ratio.estimate(), ratio.lower(), ratio.upper(), ratio.p(), comparison,
        spec.better(), status, runId}, SCHEMA);
  }

  /** The ratio of two O/E ratios (a over h), its exact conditional interval and two-sided p-value. */
  record Ratio(Double estimate, Double lower, Double upper, Double p) {
    static final Ratio NONE = new Ratio(null, null, null, null);

    static Ratio of(long oa, double ea, long oh, double eh, double confLevel) {
      if (!(ea > 0) || !(eh > 0)) {
        return NONE;
      }
      long total = oa + oh;
      double p0 = ea / (ea + eh);
      if (total == 0) {
        return new Ratio(null, null, null, 1.0);
      }
      double p = twoSidedP((int) total, (int) oa, p0);
      double alpha = (1 - confLevel) / 2;
      double lower = oa == 0 ? 0 : new BetaDistribution(null, oa, total - oa + 1).inverseCumulativeProbability(alpha);
      double upper = oa == total ? 1 : new BetaDistribution(null, oa + 1, total - oa).inverseCumulativeProbability(1 - alpha);
      return new Ratio(IndicatorTable.value((oa / ea) / (oh / eh)), odds(lower, eh / ea), odds(upper, eh / ea), p);
    }

    /**
     * Two-sided exact binomial p-value as R's {@code binom.test}: the probability of every count no
     * more likely than the one observed (relative tolerance 1e-7). Commons Math's BinomialTest
     * leaves out the tie at the mirror count of a symmetric null, so it is not used.
     */
    static double twoSidedP(int trials, int successes, double p0) {
      BinomialDistribution null0 = new BinomialDistribution(null, trials, p0);
      double observed = null0.probability(successes) * (1 + 1e-7);
      double p = 0;
      for (int i = 0; i <= trials; i++) {
        double d = null0.probability(i);
        if (d <= observed) {
          p += d;
        }
      }
      return Math.min(1.0, p);
    }

    private static Double odds(double pi, double scale) {
      return IndicatorTable.value(pi / (1 - pi) * scale);
    }
  }

  private static Double rate(RateScale scale, Double oe) {
    return oe == null ? null : IndicatorTable.value(scale.rate(oe));
  }
}
