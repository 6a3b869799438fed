package org.oncoindicators.survival;

import java.util.Arrays;

/**
 * Ederer II and Pohar-Perme curves of one group, computed from its {@link NetSurvivalSums} as
 * relsurv::rs.surv does (docs/relsurv-algorithm.md §§4–6): over the grid of observed exit times,
 * increments dΛ_E2 = (d − H)/Y and dΛ_PP = Σw dN / Σw Y − F (Perme, Stare, Estève 2012), survival
 * as the product Π(1 − dΛ), and the standard error of log S: √Σ d/Y² (Ederer II) and
 * √Σ Σw²dN / (Σw Y)² (Pohar-Perme).
 */
final class NetSurvivalCurve {
  /** Which of the two estimators to read. */
  enum Method { EDERER2, POHAR_PERME }

  /** An estimate read at a time: S, the SE of log S, deaths so far, and whether follow-up reaches it. */
  record Point(double survival, double logStdError, long events, boolean estimable) {}

  private final int[] times;
  private final double[][] survival = new double[2][];
  private final double[][] logSe = new double[2][];
  private final long[] cumulativeDeaths;
  private final long patients;

  NetSurvivalCurve(NetSurvivalSums s) {
    int n = 0;
    for (int t = 1; t <= s.maxDays; t++) {
      if (s.exits[t] > 0) {
        n++;
      }
    }
    times = new int[n];
    cumulativeDeaths = new long[n];
    for (int m = 0; m < 2; m++) {
      survival[m] = new double[n];
      logSe[m] = new double[n];
    }
    patients = s.patients;
    double[] atRiskOnDay = s.atRisk();
    double sE2 = 1;
    double sPP = 1;
    double varE2 = 0;
    double varPP = 0;
    long deaths = 0;
    int previous = 0;
    int j = 0;
    for (int t = 1; t <= s.maxDays; t++) {
      if (s.exits[t] == 0) {
        continue;
      }
      double expectedDeaths = 0;
      double a = 0;
      double b = 0;
      double a1 = 0;
      double b1 = 0;
      double populationTerm = 0;
      for (int k = previous; k < t; k++) {
        expectedDeaths += s.hazard[k];
        a += s.hazardOverSurvStart[k];
        b += s.invSurvStart[k];
        a1 += s.hazardOverSurvEnd[k];
        b1 += s.invSurvEnd[k];
        if (b > 0 && b1 > 0) {
          populationTerm += (a / b + a1 / b1) / 2;
        }
      }
      double atRisk = atRiskOnDay[t - 1];
      double d = s.deaths[t];
      double weightedAtRisk = s.invSurvEnd[t - 1];
      if (atRisk > 0) {
        sE2 *= 1 - (d - expectedDeaths) / atRisk;
        varE2 += d / (atRisk * atRisk);
        sPP *= 1 - (s.weightOfDeaths[t] / weightedAtRisk - populationTerm);
        varPP += s.squaredWeightOfDeaths[t] / (weightedAtRisk * weightedAtRisk);
      }
      deaths += (long) d;
      times[j] = t;
      survival[0][j] = sE2;
      logSe[0][j] = Math.sqrt(varE2);
      survival[1][j] = sPP;
      logSe[1][j] = Math.sqrt(varPP);
      cumulativeDeaths[j] = deaths;
      previous = t;
      j++;
    }
  }

  long patients() {
    return patients;
  }

  /** The estimate at the last grid time at or before {@code days}, as summary(rs.surv fit, times = days). */
  Point at(Method method, double days) {
    int m = method.ordinal();
    boolean estimable = times.length > 0 && times[times.length - 1] >= days;
    int idx = Arrays.binarySearch(times, (int) Math.floor(days));
    int last = idx >= 0 ? idx : -idx - 2;
    if (last < 0) {
      return new Point(1.0, 0.0, 0, estimable);
    }
    return new Point(survival[m][last], logSe[m][last], cumulativeDeaths[last], estimable);
  }
}
