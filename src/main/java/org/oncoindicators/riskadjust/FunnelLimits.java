package org.oncoindicators.riskadjust;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * Funnel-plot control limits for a centre's O/E around the target 1 (Spiegelhalter 2005, Stat Med
 * 24:1185-1202, appendix A.1): the exact quantile of O under the null, interpolated between the
 * integers so the limits are smooth in E, divided by E. Binary outcomes use Binomial(n, E/n)
 * (mean E, the case-mix-adjusted count); counts over person-time use Poisson(E). Over-dispersion
 * widens the distance from the target by the square root of the multiplicative factor.
 */
public final class FunnelLimits {
  /** The null distribution of the observed count. */
  public enum Basis { BINOMIAL, POISSON }

  private FunnelLimits() {}

  /**
   * The {@code p}-quantile of O/E under the null, for a centre with {@code n} units and
   * {@code expected} expected events, widened by {@code dispersion} (1 = none).
   */
  public static double ratioLimit(Basis basis, long n, double expected, double p, double dispersion) {
    if (!(expected > 0)) {
      return Double.NaN;
    }
    IntegerDistribution null0 = basis == Basis.POISSON
        ? new PoissonDistribution(null, expected, PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS)
        : new BinomialDistribution(null, Math.toIntExact(n), Math.min(1.0, expected / n));
    int r = null0.inverseCumulativeProbability(p);
    double atR = null0.cumulativeProbability(r);
    double belowR = null0.cumulativeProbability(r - 1);
    double alpha = atR > belowR ? (atR - p) / (atR - belowR) : 0.0;
    double ratio = (r - alpha) / expected;
    return Math.max(0.0, 1.0 + (ratio - 1.0) * Math.sqrt(dispersion));
  }

  /** Variance of O/E under the null: the z-score denominator of the over-dispersion estimate. */
  public static double nullVariance(Basis basis, long n, double expected) {
    return basis == Basis.POISSON ? 1.0 / expected : Math.max(1e-12, 1.0 - expected / n) / expected;
  }
}
