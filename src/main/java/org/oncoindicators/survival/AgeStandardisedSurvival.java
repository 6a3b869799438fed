package org.oncoindicators.survival;

import java.util.Map;

/**
 * Age-standardised net survival: Σ w_a S_a over the five ICSS age groups, variance Σ w_a² Var(S_a)
 * (Corazziari et al. 2004). Patients under 15 are outside the standard. When any age group has no
 * estimate at the horizon the result is NULL and {@code not_estimable}, never a re-weighted guess.
 * Read out by the survival engine from the age groups' Pohar-Perme curves of the same centre (or
 * nation), cancer group and approach, so it costs no pass of its own.
 */
public final class AgeStandardisedSurvival {
  public static final String ESTIMATOR = "net_pohar_perme_agestd";
  private static final int AGE_GROUPS = 5;

  private AgeStandardisedSurvival() {}

  /**
   * The standardised estimate at {@code days}, as a point of the engine's output: its SE of log S is
   * NaN (NULL in the output) when no age group's variance is known or the estimate is 0.
   *
   * @param weights age group (e.g. {@code 15-44}) → ICSS weight, or null when the cancer group has none
   * @param byAge age group → its Pohar-Perme curve, for the age groups that have tumours
   * @return the point, and the patients and deaths of the weighted age groups
   */
  static Standardised at(Map<String, Double> weights, Map<String, NetSurvivalCurve> byAge, double days) {
    double s = 0;
    double variance = 0;
    boolean varianceKnown = false;
    int estimable = 0;
    long patients = 0;
    long events = 0;
    if (weights != null) {
      for (Map.Entry<String, Double> w : weights.entrySet()) {
        NetSurvivalCurve curve = byAge.get(w.getKey());
        if (curve == null) {
          continue;
        }
        NetSurvivalCurve.Point p = curve.at(NetSurvivalCurve.Method.POHAR_PERME, days);
        patients += curve.patients();
        events += p.events();
        if (p.estimable()) {
          estimable++;
          s += w.getValue() * p.survival();
          if (!Double.isNaN(p.logStdError())) {
            double se = p.survival() * p.logStdError();
            variance += w.getValue() * w.getValue() * se * se;
            varianceKnown = true;
          }
        }
      }
    }
    boolean ok = estimable == AGE_GROUPS;
    double logSe = ok && varianceKnown && s > 0 ? Math.sqrt(variance) / s : Double.NaN;
    return new Standardised(new NetSurvivalCurve.Point(ok ? s : Double.NaN, logSe, events, ok), patients);
  }

  /** A standardised point and the patients it counts. */
  record Standardised(NetSurvivalCurve.Point point, long patients) {}
}
