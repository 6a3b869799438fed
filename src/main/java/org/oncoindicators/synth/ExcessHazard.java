package org.oncoindicators.synth;

import com.typesafe.config.Config;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Excess (cancer) hazard of a tumour: piecewise constant over years since diagnosis with a decreasing
 * shape, scaled per group and stage so that 5-year relative survival at the reference age band
 * (multiplier 1) without comorbidity equals the configured rs5: exp(-cumulative excess at 5 y) = rs5.
 */
final class ExcessHazard {
  static final double DAYS_PER_YEAR = 365.25;
  private static final double SCALE_YEARS = 5;

  private final double[] startYears;
  private final int[] startDays;
  private final double[] shape;
  private final double[] ageBandStarts;
  private final double[] ageMultipliers;
  private final double hrPerCharlsonPoint;
  private final Map<String, double[]> perYearAtShapeOne = new HashMap<>();

  ExcessHazard(Config c, List<CancerGroupModel> groups) {
    startYears = array(c, "interval-years");
    shape = array(c, "interval-shape");
    ageBandStarts = array(c, "age-band-starts");
    ageMultipliers = array(c, "age-multiplier");
    hrPerCharlsonPoint = c.getDouble("excess-hr-per-charlson-point");
    if (startYears.length != shape.length || startYears[0] != 0 || ageBandStarts.length != ageMultipliers.length) {
      throw new IllegalArgumentException("survival: interval-years must start at 0 and match interval-shape; "
          + "age-band-starts must match age-multiplier");
    }
    startDays = new int[startYears.length];
    for (int j = 0; j < startYears.length; j++) {
      startDays[j] = firstDayAtOrAfter(startYears[j]);
    }
    double shapeYearsTo5 = 0;
    for (int j = 0; j < shape.length; j++) {
      double end = j + 1 < startYears.length ? startYears[j + 1] : Double.POSITIVE_INFINITY;
      shapeYearsTo5 += shape[j] * Math.max(0, Math.min(end, SCALE_YEARS) - startYears[j]);
    }
    for (CancerGroupModel g : groups) {
      double[] byStage = new double[CancerGroupModel.STAGES.size()];
      for (int s = 0; s < byStage.length; s++) {
        if (g.rs5()[s] <= 0 || g.rs5()[s] > 1) {
          throw new IllegalArgumentException(g.key() + ": rs5 must be in (0, 1], got " + g.rs5()[s]);
        }
        byStage[s] = -StrictMath.log(g.rs5()[s]) / shapeYearsTo5;
      }
      perYearAtShapeOne.put(g.key(), byStage);
    }
  }

  /** Daily excess hazard in each interval for one tumour, including age, comorbidity and centre effects. */
  double[] dailyRates(CancerGroupModel group, int stage, double age, int charlson, double centreHr) {
    double scale = perYearAtShapeOne.get(group.key())[stage] * ageMultiplier(age)
        * StrictMath.pow(hrPerCharlsonPoint, charlson) * centreHr / DAYS_PER_YEAR;
    double[] rates = new double[shape.length];
    for (int j = 0; j < shape.length; j++) {
      rates[j] = shape[j] * scale;
    }
    return rates;
  }

  /** Follow-up day (0 = diagnosis day) on which interval j starts: the first day k with k / 365.25 >= start. */
  int intervalStartDay(int j) {
    return startDays[j];
  }

  int intervals() {
    return startDays.length;
  }

  private double ageMultiplier(double age) {
    double multiplier = ageMultipliers[0];
    for (int b = 0; b < ageBandStarts.length; b++) {
      if (age >= ageBandStarts[b]) {
        multiplier = ageMultipliers[b];
      }
    }
    return multiplier;
  }

  private static int firstDayAtOrAfter(double years) {
    int day = (int) Math.ceil(years * DAYS_PER_YEAR);
    while (day > 0 && (day - 1) / DAYS_PER_YEAR >= years) {
      day--;
    }
    while (day / DAYS_PER_YEAR < years) {
      day++;
    }
    return day;
  }

  private static double[] array(Config c, String path) {
    return c.getDoubleList(path).stream().mapToDouble(Double::doubleValue).toArray();
  }
}
