package org.oncoindicators.survival;

import java.time.LocalDate;

/**
 * One patient's expected (population) hazard and survival on each follow-up day, as relsurv's
 * rs.surv steps them (docs/relsurv-algorithm.md §2): on day k the hazard of the life-table cell of
 * (age at diagnosis + k days, diagnosis date + k days), held for the whole day, and
 * S_P(k + 1) = S_P(k) · exp(−λ(k)). Reused across patients to avoid allocation in the hot loop.
 */
final class PatientPath {
  final double[] hazard;
  final double[] invSurvStart;
  final double[] invSurvEnd;
  final double[] hazardOverSurvStart;
  final double[] hazardOverSurvEnd;
  int days;

  PatientPath(int maxDays) {
    hazard = new double[maxDays];
    invSurvStart = new double[maxDays];
    invSurvEnd = new double[maxDays];
    hazardOverSurvStart = new double[maxDays];
    hazardOverSurvEnd = new double[maxDays];
  }

  /**
   * Fills the first {@code days} days for a patient (sex 0 = M, 1 = F; age at diagnosis in days),
   * one stretch of constant hazard (between birthdays and New Years) at a time: within it
   * 1/S_P grows by the cell's exp(λ) a day.
   */
  void fill(PopulationHazards.Table table, int sex, double ageDays, long diagnosisEpochDay, int days, double daysPerYear) {
    this.days = days;
    int year = LocalDate.ofEpochDay(diagnosisEpochDay).getYear();
    long nextYearDay = LocalDate.of(year + 1, 1, 1).toEpochDay() - diagnosisEpochDay;
    int age = ageCell(ageDays, daysPerYear);
    long nextAgeDay = firstDayAtAge(age + 1, ageDays, daysPerYear);
    double inv = 1.0;
    int k = 0;
    while (k < days) {
      while (k >= nextYearDay) {
        year++;
        nextYearDay = LocalDate.of(year + 1, 1, 1).toEpochDay() - diagnosisEpochDay;
      }
      while (k >= nextAgeDay) {
        age++;
        nextAgeDay = firstDayAtAge(age + 1, ageDays, daysPerYear);
      }
      int yearIdx = table.yearIndex(year);
      double h = table.hazard(sex, yearIdx, age);
      double g = table.inverseDayFactor(sex, yearIdx, age);
      int end = (int) Math.min(days, Math.min(nextYearDay, nextAgeDay));
      for (; k < end; k++) {
        hazard[k] = h;
        invSurvStart[k] = inv;
        hazardOverSurvStart[k] = h * inv;
        inv *= g;
        invSurvEnd[k] = inv;
        hazardOverSurvEnd[k] = h * inv;
      }
    }
  }

  /** 1 / S_P at the end of the last filled day: the Pohar-Perme weight of a death on that day. */
  double weightAtEnd() {
    return days == 0 ? 1.0 : invSurvEnd[days - 1];
  }

  /** The age cell: the largest a with a · days_per_year ≤ age in days (ratetable cutpoints). */
  static int ageCell(double ageDays, double daysPerYear) {
    int a = (int) Math.floor(ageDays / daysPerYear);
    while (a * daysPerYear > ageDays) {
      a--;
    }
    while ((a + 1) * daysPerYear <= ageDays) {
      a++;
    }
    return a;
  }

  /** The first follow-up day k with age in days + k ≥ age · days_per_year. */
  private static long firstDayAtAge(int age, double ageDays, double daysPerYear) {
    long k = (long) Math.ceil(age * daysPerYear - ageDays);
    while (k > 0 && ageDays + (k - 1) >= age * daysPerYear) {
      k--;
    }
    while (ageDays + k < age * daysPerYear) {
      k++;
    }
    return Math.max(k, 0);
  }
}
