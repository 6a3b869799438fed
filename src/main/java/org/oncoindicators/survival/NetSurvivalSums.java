package org.oncoindicators.survival;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The per-day and per-time sums of one group (centre × cancer group × stratum × approach) from
 * which Ederer II and Pohar-Perme follow exactly (docs/relsurv-algorithm.md §8): for each day k the
 * number at risk and Σλ, Σλ/S_P(k), Σ1/S_P(k), Σλ/S_P(k+1), Σ1/S_P(k+1); for each time t the exits,
 * deaths and Σw, Σw² of the deaths' weights w = 1/S_P(t). Filled patient by patient; sums are
 * additive, so a group's sums are also the sum of its parts' ({@link #addAll}).
 */
final class NetSurvivalSums implements Serializable {
  final int maxDays;
  final double[] hazard;
  final double[] hazardOverSurvStart;
  final double[] invSurvStart;
  final double[] hazardOverSurvEnd;
  final double[] invSurvEnd;
  /** +1 on the day a patient enters the risk set, −1 on the day after its last: {@link #atRisk()} sums it up. */
  final double[] atRiskChange;
  final double[] exits;
  final double[] deaths;
  final double[] weightOfDeaths;
  final double[] squaredWeightOfDeaths;
  long patients;

  NetSurvivalSums(int maxDays) {
    this.maxDays = maxDays;
    hazard = new double[maxDays];
    hazardOverSurvStart = new double[maxDays];
    invSurvStart = new double[maxDays];
    hazardOverSurvEnd = new double[maxDays];
    invSurvEnd = new double[maxDays];
    atRiskChange = new double[maxDays + 1];
    exits = new double[maxDays + 1];
    deaths = new double[maxDays + 1];
    weightOfDeaths = new double[maxDays + 1];
    squaredWeightOfDeaths = new double[maxDays + 1];
  }

  /**
   * Adds a patient followed from day {@code entry} (0 in the cohort approach, the period window's
   * start in the period approach) to the end of the path, dying there when {@code died}. One
   * array at a time, so that each loop is a plain vector addition.
   */
  void add(PatientPath p, int entry, boolean died) {
    int exit = p.days;
    if (exit <= entry) {
      return;
    }
    patients++;
    addRange(hazard, p.hazard, entry, exit);
    addRange(hazardOverSurvStart, p.hazardOverSurvStart, entry, exit);
    addRange(invSurvStart, p.invSurvStart, entry, exit);
    addRange(hazardOverSurvEnd, p.hazardOverSurvEnd, entry, exit);
    addRange(invSurvEnd, p.invSurvEnd, entry, exit);
    atRiskChange[entry] += 1;
    atRiskChange[exit] -= 1;
    exits[exit] += 1;
    if (died) {
      double w = p.weightAtEnd();
      deaths[exit] += 1;
      weightOfDeaths[exit] += w;
      squaredWeightOfDeaths[exit] += w * w;
    }
  }

  /** Adds another group's sums: the sums of a union of disjoint groups of patients. */
  void addAll(NetSurvivalSums o) {
    patients += o.patients;
    addRange(hazard, o.hazard, 0, maxDays);
    addRange(hazardOverSurvStart, o.hazardOverSurvStart, 0, maxDays);
    addRange(invSurvStart, o.invSurvStart, 0, maxDays);
    addRange(hazardOverSurvEnd, o.hazardOverSurvEnd, 0, maxDays);
    addRange(invSurvEnd, o.invSurvEnd, 0, maxDays);
    addRange(atRiskChange, o.atRiskChange, 0, maxDays + 1);
    addRange(exits, o.exits, 0, maxDays + 1);
    addRange(deaths, o.deaths, 0, maxDays + 1);
    addRange(weightOfDeaths, o.weightOfDeaths, 0, maxDays + 1);
    addRange(squaredWeightOfDeaths, o.squaredWeightOfDeaths, 0, maxDays + 1);
  }

  /** The number at risk on each day k (patients with entry ≤ k < exit). */
  double[] atRisk() {
    double[] n = new double[maxDays];
    double running = 0;
    for (int k = 0; k < maxDays; k++) {
      running += atRiskChange[k];
      n[k] = running;
    }
    return n;
  }

  /** Back to no patients, for reuse by the next group. */
  void clear() {
    patients = 0;
    for (double[] a : new double[][] {hazard, hazardOverSurvStart, invSurvStart, hazardOverSurvEnd, invSurvEnd,
        atRiskChange, exits, deaths, weightOfDeaths, squaredWeightOfDeaths}) {
      Arrays.fill(a, 0.0);
    }
  }

  private static void addRange(double[] to, double[] from, int start, int end) {
    for (int k = start; k < end; k++) {
      to[k] += from[k];
    }
  }
}
