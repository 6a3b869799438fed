package org.oncoindicators.survival;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What the net-survival pass needs besides the data: horizons, the day constant, the longest
 * follow-up kept (the last horizon), the approaches and the period window, and the curve step.
 */
public record NetSurvivalSettings(List<Integer> horizonsYears, double daysPerYear, List<String> approaches,
                                  LocalDate periodWindowStart, double curveStepDays) implements Serializable {

  /** Days of follow-up kept: enough to read the last horizon; later follow-up changes nothing before it. */
  int maxDays() {
    int last = horizonsYears.stream().mapToInt(Integer::intValue).max().orElse(5);
    return (int) Math.ceil(last * daysPerYear) + 1;
  }
}
