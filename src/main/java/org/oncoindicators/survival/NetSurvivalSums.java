package org.oncoindicators.survival;

import java.io.Serializable;

/**
 * The per-day and per-time sums of one group (centre × cancer group × stratum × approach) from
 * which Ederer II and Pohar-Perme follow exactly (docs/relsurv-algorithm.md §8): for each day k the
 * number at risk and Σλ, Σλ/S_P(k), Σ1/S_P(k), Σλ/S_P(k+1), Σ1/S_P(k+1); for each time t the exits,
 * deaths and Σw, Σw² of the deaths' weights w = 1/S_P(t). Filled patient by patient.
 */
final class NetSurvivalSums implements Serializable {
  final int maxDays;
  final double[] atRisk;
  final double[] hazard;
  final double[] hazardOverSurvStart;
  final double[] invSurvStart;
  final double[] hazardOverSurvEnd;
  final double[] invSurvEnd;
  final double[] exits;
  final double[] deaths;
  final double[] weightOfDeaths;
  final double[] squaredWeightOfDeaths;
  long patients;

  NetSurvivalSums(int maxDays) {
    this.maxDays = maxDays;
    atRisk = new double[maxDays];
    hazard = new double[maxDays];
    hazardOverSurvStart = new double[maxDays];
    invSurvStart = new double[maxDays];
    hazardOverSurvEnd = new double[maxDays];
    invSurvEnd = new double[maxDays];
    exits = new double[maxDays + 1];
    deaths = new double[maxDays + 1];
    weightOfDeaths = new double[maxDays + 1];
    squaredWeightOfDeaths = new double[maxDays + 1];
  }

  /**
   * Adds a patient followed from day {@code entry} (0 in the cohort approach, the period window's
   * start in the period approach) to the end of the path, dying there when {@code died}.
   */
  void add(PatientPath p, int entry, boolean died) {
    int exit = p.days;
    if (exit <= entry) {
      return;
    }
    patients++;
    for (int k = entry; k < exit; k++) {
      double h = p.hazard[k];
      atRisk[k] += 1;
      hazard[k] += h;
      hazardOverSurvStart[k] += h * p.invSurvStart[k];
      invSurvStart[k] += p.invSurvStart[k];
      hazardOverSurvEnd[k] += h * p.invSurvEnd[k];
      invSurvEnd[k] += p.invSurvEnd[k];
    }
    exits[exit] += 1;
    if (died) {
      double w = p.weightAtEnd();
      deaths[exit] += 1;
      weightOfDeaths[exit] += w;
      squaredWeightOfDeaths[exit] += w * w;
    }
  }
}
