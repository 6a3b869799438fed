package org.oncoindicators.riskadjust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Calibration by deciles of predicted risk: covariate patterns sorted by risk and cut into ten
 * groups of (about) equal size by cumulative units — a pattern is never split, nor are patterns of
 * equal risk (to 1e-9 relative), so the groups do not depend on the order the patterns arrive in —
 * with observed and expected events per group and a Hosmer–Lemeshow-type χ² (G − 2 degrees of
 * freedom).
 *
 * @param deciles observed and expected per group
 * @param chiSquare Σ (O − E)² / V, V = E(1 − E/n) for binary outcomes, E for counts
 */
public record Calibration(List<Decile> deciles, double chiSquare, double pValue) {
  /** One risk group. */
  public record Decile(int decile, long n, double observed, double expected) {}

  /** A covariate pattern's risk score, units, observed and expected events. */
  public record Pattern(double risk, long n, double observed, double expected) {}

  public static Calibration of(List<Pattern> patterns, boolean binary) {
    List<Pattern> sorted = tiesMerged(patterns);
    long total = sorted.stream().mapToLong(Pattern::n).sum();
    long[] n = new long[10];
    double[] o = new double[10];
    double[] e = new double[10];
    long before = 0;
    for (Pattern p : sorted) {
      int d = (int) Math.min(9, (before * 10) / Math.max(1, total));
      n[d] += p.n();
      o[d] += p.observed();
      e[d] += p.expected();
      before += p.n();
    }
    List<Decile> deciles = new ArrayList<>();
    double chi2 = 0;
    for (int d = 0; d < 10; d++) {
      if (n[d] == 0) {
        continue;
      }
      deciles.add(new Decile(d + 1, n[d], o[d], e[d]));
      double v = binary ? e[d] * (1 - e[d] / n[d]) : e[d];
      if (v > 0) {
        chi2 += (o[d] - e[d]) * (o[d] - e[d]) / v;
      }
    }
    int df = deciles.size() - 2;
    double p = df > 0 ? 1 - new ChiSquaredDistribution(df).cumulativeProbability(chi2) : Double.NaN;
    return new Calibration(List.copyOf(deciles), chi2, p);
  }

  /** Patterns sorted by risk, those of equal risk (a model without the covariates telling them apart) merged. */
  private static List<Pattern> tiesMerged(List<Pattern> patterns) {
    List<Pattern> sorted = new ArrayList<>(patterns);
    sorted.sort(Comparator.comparingDouble(Pattern::risk));
    List<Pattern> merged = new ArrayList<>();
    for (Pattern p : sorted) {
      Pattern last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && Math.abs(p.risk() - last.risk()) <= 1e-9 * Math.max(Math.abs(p.risk()), 1e-300)) {
        merged.set(merged.size() - 1, new Pattern(last.risk(), last.n() + p.n(), last.observed() + p.observed(),
            last.expected() + p.expected()));
      } else {
        merged.add(p);
      }
    }
    return merged;
  }
}
