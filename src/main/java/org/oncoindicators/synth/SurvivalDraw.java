package org.oncoindicators.synth;

import java.util.SplittableRandom;

/**
 * Draws a death day by inversion: E ~ Exp(1), then the daily hazard (background from the life table
 * for the attained age and calendar day, plus the tumour's excess hazard) is summed day by day until
 * it passes E. The hazard of follow-up day k is held for that whole day, as the extract contract
 * defines it, so runs of days with the same hazard are summed in one step without changing the result.
 */
final class SurvivalDraw {
  /** A death on follow-up day {@code day} (0 = diagnosis day); {@code excess} when the excess hazard caused it. */
  record Death(int day, boolean excess) {
    static final Death NONE = new Death(Integer.MAX_VALUE, false);

    boolean happened() {
      return day != Integer.MAX_VALUE;
    }
  }

  private final LifeTable lifeTable;
  private final ExcessHazard excess;

  SurvivalDraw(LifeTable lifeTable, ExcessHazard excess) {
    this.lifeTable = lifeTable;
    this.excess = excess;
  }

  /**
   * First death day in [0, horizonDays], or {@link Death#NONE}. The background hazard is multiplied by
   * backgroundMultiplier (0 draws the excess hazard alone, as for a second primary).
   */
  Death draw(int diagnosisDay, double age, boolean male, double backgroundMultiplier, double[] excessDaily,
      int horizonDays, SplittableRandom rng) {
    double target = -StrictMath.log(1 - rng.nextDouble());
    double cumulative = 0;
    int interval = 0;
    int day = 0;
    while (day <= horizonDays) {
      int attained = attainedAge(age, day);
      int end = Math.min(horizonDays + 1, nextBirthday(age, attained));
      int nextTable = lifeTable.nextSwitchDay(diagnosisDay + day);
      if (nextTable != Integer.MAX_VALUE) {
        end = Math.min(end, nextTable - diagnosisDay);
      }
      if (interval + 1 < excess.intervals()) {
        end = Math.min(end, excess.intervalStartDay(interval + 1));
      }
      double background = backgroundMultiplier == 0 ? 0
          : backgroundMultiplier * lifeTable.dailyHazard(diagnosisDay + day, attained, male);
      double hazard = background + excessDaily[interval];
      int days = end - day;
      if (hazard > 0 && hazard * days >= target - cumulative) {
        int offset = (int) Math.ceil((target - cumulative) / hazard) - 1;
        offset = Math.max(0, Math.min(offset, days - 1));
        return new Death(day + offset, rng.nextDouble() * hazard < excessDaily[interval]);
      }
      cumulative += hazard * days;
      day = end;
      if (interval + 1 < excess.intervals() && day >= excess.intervalStartDay(interval + 1)) {
        interval++;
      }
    }
    return Death.NONE;
  }

  /** Completed years of age on follow-up day k: floor(age at diagnosis + k / 365.25). */
  static int attainedAge(double age, int day) {
    return (int) Math.floor(age + day / ExcessHazard.DAYS_PER_YEAR);
  }

  /** First follow-up day on which the attained age exceeds the given one. */
  private static int nextBirthday(double age, int attained) {
    int day = Math.max(0, (int) Math.ceil((attained + 1 - age) * ExcessHazard.DAYS_PER_YEAR));
    while (day > 0 && attainedAge(age, day - 1) > attained) {
      day--;
    }
    while (attainedAge(age, day) <= attained) {
      day++;
    }
    return day;
  }
}
