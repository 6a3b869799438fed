package org.oncoindicators.riskadjust;

import java.util.List;

/**
 * Deviance of a fitted GLM and of its null model (intercept, and offset for Poisson), summed over
 * the grouped rows the model was fitted to (McCullagh & Nelder 1989, table 2.1). The null model has
 * a closed form — the overall rate times each row's exposure — so it needs no second fit. Grouped
 * and unit-level deviances differ by a constant; their difference (the likelihood-ratio
 * statistic) does not.
 */
public record Deviance(double model, double nullModel) {
  /** A grouped row: {@code observed} events of {@code exposure} (trials, or person-time), fitted mean {@code fitted}. */
  public record Cell(double observed, double exposure, double fitted) {}

  public static Deviance of(Glm.Family family, List<Cell> cells) {
    double events = cells.stream().mapToDouble(Cell::observed).sum();
    double exposure = cells.stream().mapToDouble(Cell::exposure).sum();
    double model = 0;
    double nullModel = 0;
    for (Cell c : cells) {
      model += term(family, c.observed(), c.exposure(), c.fitted());
      nullModel += term(family, c.observed(), c.exposure(), c.exposure() * events / exposure);
    }
    return new Deviance(model, nullModel);
  }

  private static double term(Glm.Family family, double y, double n, double mu) {
    return family == Glm.Family.BINOMIAL ? 2 * (ylogy(y, mu) + ylogy(n - y, n - mu)) : 2 * (ylogy(y, mu) - (y - mu));
  }

  private static double ylogy(double y, double mu) {
    return y == 0 ? 0 : y * Math.log(y / mu);
  }

  /** Share of the null deviance the model explains. */
  public Double explained() {
    return nullModel > 0 ? 1 - model / nullModel : null;
  }
}
