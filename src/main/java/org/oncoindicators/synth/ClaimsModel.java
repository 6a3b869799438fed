package org.oncoindicators.synth;

import com.typesafe.config.Config;
import java.util.List;

/** Settings of the care pathway that becomes claim lines; ranges are inclusive [min, max]. */
record ClaimsModel(Visits workup, double workupOtherCentreShare, Visits comorbidity, Visits otherVisits,
    WeightedChoice<String> otherCodes, int[] resectionAmount, Readmission readmission, ChemoTiming chemo, FollowUp followUp) {

  /** Visits before diagnosis: how many, how many days before, and what they cost. */
  record Visits(int[] count, int[] daysBefore, int[] amount) {
    static Visits from(Config c) {
      return new Visits(range(c, "visits"), range(c, "days-before"), range(c, "amount"));
    }
  }

  /** Unplanned readmissions after a resection. */
  record Readmission(double share, int[] withinDays, int[] los, int[] amount, WeightedChoice<String> codes) {}

  /** When adjuvant chemotherapy starts after the resection, and what a cycle costs. */
  record ChemoTiming(double timelyShare, int[] timelyDays, int[] lateDays, int[] outpatientAmount, int[] pharmacyAmount) {}

  /** Routine follow-up visits: {until year since diagnosis, days between visits} steps. */
  record FollowUp(int startAfterDays, double[][] schedule, int jitterDays, double comorbidityDxShare, int[] amount) {
    /** Days between visits at the given number of years since diagnosis. */
    int intervalAt(double years) {
      for (double[] step : schedule) {
        if (years < step[0]) {
          return (int) step[1];
        }
      }
      return (int) schedule[schedule.length - 1][1];
    }
  }

  static ClaimsModel from(Config c) {
    Config r = c.getConfig("readmission");
    Config chemo = c.getConfig("chemo");
    Config f = c.getConfig("follow-up");
    double[][] schedule = f.getList("schedule").stream()
        .map(v -> ((List<?>) v.unwrapped()).stream().mapToDouble(n -> ((Number) n).doubleValue()).toArray())
        .toArray(double[][]::new);
    return new ClaimsModel(Visits.from(c.getConfig("workup")), c.getDouble("workup.other-centre-share"),
        Visits.from(c.getConfig("comorbidity")), Visits.from(c.getConfig("other-visits")),
        WeightedChoice.pairs(c, "other-visits.codes"), range(c, "resection-amount"),
        new Readmission(r.getDouble("share"), range(r, "within-days"), range(r, "los"), range(r, "amount"),
            WeightedChoice.pairs(r, "codes")),
        new ChemoTiming(chemo.getDouble("timely-share"), range(chemo, "timely-days"), range(chemo, "late-days"),
            range(chemo, "outpatient-amount"), range(chemo, "pharmacy-amount")),
        new FollowUp(f.getInt("start-after-days"), schedule, f.getInt("jitter-days"), f.getDouble("comorbidity-dx-share"),
            range(f, "amount")));
  }

  static int[] range(Config c, String path) {
    int[] range = c.getIntList(path).stream().mapToInt(Integer::intValue).toArray();
    if (range.length != 2 || range[0] > range[1]) {
      throw new IllegalArgumentException(path + " must be [min, max], got " + c.getIntList(path));
    }
    return range;
  }
}
