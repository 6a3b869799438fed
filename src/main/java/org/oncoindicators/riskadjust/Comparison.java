package org.oncoindicators.riskadjust;

/**
 * A centre's risk-adjusted comparison with the nation for one indicator and period (the numeric
 * part of a {@code gold.indicators} row). Limits are on the O/E scale; rates on the indicator's.
 */
public record Comparison(CentreCounts counts, Double oe, Double oeLower, Double oeUpper, Double riskStandardisedRate,
                         Double rsLower, Double rsUpper, Double funnel95Lower, Double funnel95Upper,
                         Double funnel998Lower, Double funnel998Upper, double dispersion, String flag,
                         Double shrunkenOe, Double shrunkenRate, String status) {
  public static final String OK = "ok";
  public static final String TOO_FEW = "too_few";
  public static final String NOT_ESTIMABLE = "not_estimable";
}
