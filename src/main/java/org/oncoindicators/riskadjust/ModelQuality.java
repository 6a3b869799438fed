package org.oncoindicators.riskadjust;

/**
 * How well a case-mix model discriminates and calibrates: the c-statistic for logistic models,
 * the share of deviance explained for survival models (named in {@code measure}), and calibration
 * by deciles.
 */
public record ModelQuality(Double cStatistic, String measure, Double value, Calibration calibration,
                           Deviance deviance) {
  public static final String C_STATISTIC = "c_statistic";
  public static final String DEVIANCE_EXPLAINED = "deviance_explained";
}
