package org.oncoindicators.flows;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.riskadjust.CentreCounts;
import org.oncoindicators.riskadjust.FunnelLimits;
import org.oncoindicators.riskadjust.RateScale;

/**
 * The national row of a risk-adjusted indicator and period in {@code gold.indicators}: the target
 * every grouping of centres or patients is compared with, and the scale (national rate, reference
 * survival at the horizon) its O/E ratios are turned into rates with.
 */
public record NationalReference(String indicatorId, String period, String cancerGroup, Integer horizonYears,
                                String funnelBasis, Double nationalRate, Double referenceSurvival,
                                CentreCounts nation) {
  public boolean survival() {
    return horizonYears != null;
  }

  public FunnelLimits.Basis basis() {
    return "binomial".equals(funnelBasis) ? FunnelLimits.Basis.BINOMIAL : FunnelLimits.Basis.POISSON;
  }

  public RateScale scale() {
    if (survival()) {
      return RateScale.cumulativeMortality(referenceSurvival == null ? Double.NaN : referenceSurvival);
    }
    return RateScale.proportion(nationalRate == null ? Double.NaN : nationalRate);
  }

  /** Key of a reference: indicator and period. */
  public static List<String> key(String indicatorId, String period) {
    return List.of(indicatorId, period);
  }

  /**
   * The national rows of the compared (not volume) indicators of one run.
   *
   * @param indicators gold.indicators rows of the run
   */
  public static Map<List<String>, NationalReference> read(Dataset<Row> indicators) {
    Map<List<String>, NationalReference> out = new HashMap<>();
    for (Row r : indicators.filter(col("center_id").equalTo("ALL").and(col("funnel_basis").isNotNull())
        .and(col("expected").isNotNull())).collectAsList()) {
      String id = r.getAs("indicator_id");
      String period = r.getAs("period");
      CentreCounts nation = new CentreCounts("ALL", period, r.<Long>getAs("n"), r.<Long>getAs("observed"),
          r.<Double>getAs("expected"), r.getAs("crude_rate"));
      out.put(key(id, period), new NationalReference(id, period, r.getAs("cancer_group"), r.getAs("horizon_years"),
          r.getAs("funnel_basis"), r.getAs("national_rate"), r.getAs("adjusted_survival"), nation));
    }
    return out;
  }
}
