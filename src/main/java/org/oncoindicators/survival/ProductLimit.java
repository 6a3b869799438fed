package org.oncoindicators.survival;

import java.util.Arrays;

/**
 * Kaplan–Meier observed survival of one group (centre × cancer group × stratum × approach),
 * accumulated tumour by tumour inside the net-survival pass, so observed survival costs no Spark
 * job of its own: S(t) = Π (1 − d/n) with Greenwood's Var(log S) = Σ d / (n (n − d)), as R's
 * {@code survival::survfit}. With an entry day (the period approach's left truncation) a tumour is
 * at risk on (entry, exit], as {@code survfit(Surv(entry, exit, event))}.
 */
final class ProductLimit {
  private int[] entries = new int[16];
  private long[] exits = new long[16];
  private int n;
  private int entering;

  /** A tumour at risk on (entry, exit] (entry 0: from diagnosis), dying at exit when {@code died}. */
  void add(int entry, int exit, boolean died) {
    reserve(n + 1);
    exits[n] = ((long) exit << 1) | (died ? 1 : 0);
    if (entry > 0) {
      entries[entering++] = entry;
    }
    n++;
  }

  /** Adds another group's tumours: the observations of a union of disjoint groups. */
  void addAll(ProductLimit o) {
    reserve(n + o.n);
    System.arraycopy(o.exits, 0, exits, n, o.n);
    System.arraycopy(o.entries, 0, entries, entering, o.entering);
    n += o.n;
    entering += o.entering;
  }

  /** Room for {@code size} tumours, doubling when short (entries as long as exits: at most one each). */
  private void reserve(int size) {
    if (size > exits.length) {
      int capacity = Math.max(size, 2 * exits.length);
      exits = Arrays.copyOf(exits, capacity);
      entries = Arrays.copyOf(entries, capacity);
    }
  }

  long patients() {
    return n;
  }

  /**
   * The curve at every time with an exit: one walk over the exits and entries sorted by time, the
   * number at risk at t being the tumours exiting at or after t less those entering at or after t.
   */
  Curve curve() {
    long[] x = Arrays.copyOf(exits, n);
    int[] e = Arrays.copyOf(entries, entering);
    Arrays.sort(x);
    Arrays.sort(e);
    int[] times = new int[n];
    double[] survival = new double[n];
    double[] logSe = new double[n];
    long[] cumulativeDeaths = new long[n];
    int points = 0;
    long remaining = n - entering;
    double logSum = 0;
    double greenwood = 0;
    long deathsSoFar = 0;
    boolean reachedZero = false;
    int i = 0;
    int j = 0;
    while (i < n || j < entering) {
      int t = i < n && (j >= entering || (int) (x[i] >> 1) <= e[j]) ? (int) (x[i] >> 1) : e[j];
      long out = 0;
      long deaths = 0;
      while (i < n && (int) (x[i] >> 1) == t) {
        out++;
        deaths += x[i] & 1;
        i++;
      }
      long in = 0;
      while (j < entering && e[j] == t) {
        in++;
        j++;
      }
      long atRisk = remaining;
      remaining -= out - in;
      double d = deaths;
      double r = atRisk;
      if (d > 0 && d < r) {
        logSum += StrictMath.log(1.0 - d / r);
        greenwood += d / (r * (r - d));
      }
      reachedZero |= d > 0 && d == r;
      deathsSoFar += deaths;
      if (out > 0) {
        times[points] = t;
        survival[points] = reachedZero ? 0.0 : StrictMath.exp(logSum);
        logSe[points] = reachedZero ? Double.NaN : StrictMath.sqrt(greenwood);
        cumulativeDeaths[points] = deathsSoFar;
        points++;
      }
    }
    int last = n == 0 ? 0 : (int) (x[n - 1] >> 1);
    return new Curve(Arrays.copyOf(times, points), Arrays.copyOf(survival, points), Arrays.copyOf(logSe, points),
        Arrays.copyOf(cumulativeDeaths, points), n, last);
  }

  /**
   * One group's curve: at each time with an exit, S, the standard error of log S (NaN once S has
   * reached 0, where R gives NA) and the deaths so far; the tumours and the longest follow-up.
   */
  record Curve(int[] times, double[] survival, double[] logSe, long[] cumulativeDeaths, long patients, int maxTime) {
    /**
     * S at the last time at or before {@code days} (1 before the first), as R's
     * {@code summary(fit, times = days)}; estimable when follow-up reaches {@code days} or S is 0.
     */
    NetSurvivalCurve.Point at(double days) {
      int idx = Arrays.binarySearch(times, (int) Math.floor(days));
      int last = idx >= 0 ? idx : -idx - 2;
      double s = last < 0 ? 1.0 : survival[last];
      double se = last < 0 ? 0.0 : logSe[last];
      return new NetSurvivalCurve.Point(s, se, last < 0 ? 0 : cumulativeDeaths[last], maxTime >= days || s == 0.0);
    }
  }
}
