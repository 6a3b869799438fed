package org.oncoindicators.riskadjust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits a case-mix model on the national rows (no centre term), keeping it estimable: while the
 * smaller of events and non-events per case-mix parameter is below the configured minimum
 * (Peduzzi et al. 1996 use 10), or the fit is singular, the last covariate of the indicator's list
 * is dropped (the list is in order of importance); with none left the model is intercept-only.
 * What was dropped and why is kept for {@code gold.model_fit}.
 */
public final class CaseMixModel {
  /** The fit and the covariates actually used, with a status saying whether the list was reduced. */
  public record Fitted(Glm.Result result, List<String> covariatesUsed, String status) {}

  private CaseMixModel() {}

  /**
   * @param fitTable the national rows on the driver, with {@code countColumn} (units per row, used to
   *     choose reference levels); {@code fitRows} the same as a local DataFrame with the label,
   *     weight or offset
   * @param fixed terms always in the model (the follow-up intervals of a survival model)
   * @param caseMix covariates in order of importance
   * @param limiting the smaller of events and non-events (events for survival)
   * @param events total events; {@code exposure} total units (binomial) or person-time (Poisson)
   */
  public static Fitted fit(CountTable fitTable, Dataset<Row> fitRows, Glm.Family family, String countColumn,
                           List<Covariate> fixed, List<Covariate> caseMix, double limiting, double events, double exposure,
                           int minEventsPerParameter) {
    List<Covariate> all = new ArrayList<>(fixed);
    all.addAll(caseMix);
    Map<String, Map<String, Double>> levels = fitTable.levelCounts(countColumn, all);
    List<Covariate> used = new ArrayList<>(caseMix);
    String reason = null;
    while (true) {
      List<Covariate> covs = new ArrayList<>(fixed);
      covs.addAll(used);
      Design design = Design.of(covs, levels);
      int caseMixParameters = design.parameters() - Design.of(fixed, levels).parameters();
      if (covs.isEmpty() || limiting <= 0) {
        return new Fitted(Glm.interceptOnly(family, design, events, exposure), names(used),
            limiting <= 0 ? "no variation: every unit has the same outcome, expected = observed" : status(reason));
      }
      if (!used.isEmpty() && limiting < (double) minEventsPerParameter * caseMixParameters) {
        reason = String.format("reduced: %.0f events for %d case-mix parameters, fewer than %d per parameter",
            limiting, caseMixParameters, minEventsPerParameter);
        used.remove(used.size() - 1);
        continue;
      }
      try {
        Glm.Result result = Glm.fit(fitRows, design, family);
        String note = result.converged() ? null : "IRLS stopped at " + result.iterations()
            + " iterations: a level without events (or without non-events) has an unbounded coefficient";
        return new Fitted(result, names(used), note == null ? status(reason) : status(reason) + "; " + note);
      } catch (RuntimeException e) {
        if (used.isEmpty()) {
          throw e;
        }
        reason = "reduced: fit failed with " + used.get(used.size() - 1).name() + " (" + e.getMessage() + ")";
        used.remove(used.size() - 1);
      }
    }
  }

  private static String status(String reason) {
    return reason == null ? "ok" : reason;
  }

  private static List<String> names(List<Covariate> covs) {
    return covs.stream().map(Covariate::name).toList();
  }
}
