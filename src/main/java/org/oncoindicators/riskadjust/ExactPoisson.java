package org.oncoindicators.riskadjust;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Exact confidence interval for a Poisson count (Garwood 1936), from chi-squared quantiles: the
 * interval R's {@code poisson.test} reports. Dividing it by E gives the interval of O/E.
 */
public final class ExactPoisson {
  private ExactPoisson() {}

  /** {lower, upper} limits for the mean of a Poisson variable observed as {@code observed}. */
  public static double[] interval(long observed, double level) {
    double tail = (1 - level) / 2;
    double lower = observed == 0 ? 0.0
        : new ChiSquaredDistribution(2.0 * observed).inverseCumulativeProbability(tail) / 2;
    double upper = new ChiSquaredDistribution(2.0 * observed + 2).inverseCumulativeProbability(1 - tail) / 2;
    return new double[] {lower, upper};
  }
}
