package org.oncoindicators.riskadjust;

/**
 * Empirical-Bayes shrinkage of centres' O/E towards the national value 1 (normal-normal model):
 * the between-centre variance τ² by the method of moments (DerSimonian & Laird 1986, with the
 * target known), then each O/E pulled towards 1 by τ²/(τ² + v_i), so a small centre's extreme ratio
 * is reported beside a shrunken one instead of ranking on noise.
 */
public final class EmpiricalBayes {
  private final double tau2;

  private EmpiricalBayes(double tau2) {
    this.tau2 = tau2;
  }

  /** τ² = max(0, (Σ w(y−1)² − I) / Σ w), w = 1/v, from the centres' O/E and their null variances. */
  public static EmpiricalBayes fit(double[] oe, double[] variance) {
    double q = 0;
    double sumW = 0;
    for (int i = 0; i < oe.length; i++) {
      double w = 1.0 / variance[i];
      q += w * (oe[i] - 1) * (oe[i] - 1);
      sumW += w;
    }
    return new EmpiricalBayes(oe.length == 0 ? 0.0 : Math.max(0.0, (q - oe.length) / sumW));
  }

  public double tau2() {
    return tau2;
  }

  /** The shrunken O/E of a centre with ratio {@code oe} and null variance {@code variance}. */
  public double shrink(double oe, double variance) {
    double b = tau2 / (tau2 + variance);
    return 1.0 + b * (oe - 1.0);
  }
}
