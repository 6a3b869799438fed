package org.oncoindicators.riskadjust;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Multiplicative over-dispersion of centres' O/E (Spiegelhalter 2005, section 5.1): the mean
 * square of the z-scores after winsorising the most extreme {@code winsor} share at each end to
 * the percentile there. Applied only when the test I·φ against χ²(I−1) says the centres vary more
 * than chance allows, so well-behaved indicators keep their exact limits.
 *
 * @param phi the estimated factor (1 when not estimable)
 * @param pValue of the dispersion test (NaN when not estimable)
 * @param applied whether limits are widened by {@code phi}
 */
public record Overdispersion(double phi, double pValue, boolean applied, int centres) {
  /** Estimates φ from the centres' z-scores; with fewer than {@code minCentres} it is not applied. */
  public static Overdispersion estimate(double[] z, double winsor, double testLevel, int minCentres) {
    if (z.length < Math.max(2, minCentres)) {
      return new Overdispersion(1.0, Double.NaN, false, z.length);
    }
    Percentile percentile = new Percentile();
    double low = percentile.evaluate(z, winsor * 100);
    double high = percentile.evaluate(z, (1 - winsor) * 100);
    double phi = Arrays.stream(z).map(v -> Math.min(high, Math.max(low, v))).map(v -> v * v).sum() / z.length;
    double p = 1 - new ChiSquaredDistribution(z.length - 1).cumulativeProbability(z.length * phi);
    boolean applied = p < testLevel && phi > 1;
    return new Overdispersion(applied ? phi : 1.0, p, applied, z.length);
  }

  /** The factor used for the limits: φ when applied, else 1. */
  public double factor() {
    return applied ? phi : 1.0;
  }
}
