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
 * A level in which no unit has the event (or every unit has it) is fitted out first
 * ({@link Separation}): its coefficient is infinite at the MLE and IRLS would only creep towards it.
 * What was dropped or fitted out, and why, is kept for {@code gold.model_fit}.
 */
public final class CaseMixModel {
  /** The fit and the covariates actually used, with a status saying whether the list was reduced. */
  public record Fitted(Glm.Result result, List<String> covariatesUsed, String status) {}

  private CaseMixModel() {}

  /**
   * @param fitTable the national rows on the driver, with {@code countColumn} (units per row, used to
   *     choose reference levels and, binomial, the trials) and {@code eventColumn}; {@code fitRows}
   *     the same as a local DataFrame with the label, weight or offset
   * @param fixed terms always in the model (the follow-up intervals of a survival model)
   * @param caseMix covariates in order of importance
   * @param limiting the smaller of events and non-events (events for survival)
   * @param events total events; {@code exposure} total units (binomial) or person-time (Poisson)
   */
  public static Fitted fit(CountTable fitTable, Dataset<Row> fitRows, Glm.Family family, String countColumn,
                           String eventColumn, List<Covariate> fixed, List<Covariate> caseMix, double limiting,
                           double events, double exposure, int minEventsPerParameter) {
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
        List<Separation.Level> separated = Separation.find(fitTable, family, eventColumn, countColumn, covs);
        Glm.Result result = separated.isEmpty() ? Glm.fit(fitRows, design, family)
            : Glm.fit(fitRows.filter(Separation.kept(separated)), Design.of(sameReferences(covs, design, separated),
                Separation.remaining(fitTable, separated).levelCounts(countColumn, covs)), family)
                .withFittedOut(separated);
        List<String> notes = new ArrayList<>(List.of(status(reason)));
        separated.forEach(l -> notes.add("fitted out " + l.term() + " (" + (l.limit() == 0 ? "no" : "only")
            + " events: coefficient " + (l.limit() == 0 ? "-" : "+") + "Inf, its units' expected = observed)"));
        if (!result.converged()) {
          notes.add("IRLS stopped at " + result.iterations() + " iterations: a combination of levels without events"
              + " (or without non-events) has an unbounded coefficient");
        }
        return new Fitted(result, names(used), String.join("; ", notes));
      } catch (RuntimeException e) {
        if (used.isEmpty()) {
          throw e;
        }
        reason = "reduced: fit failed with " + used.get(used.size() - 1).name() + " (" + e.getMessage() + ")";
        used.remove(used.size() - 1);
      }
    }
  }

  /**
   * The covariates with the reference levels of the full design fixed, so that fitting a level out
   * does not move another covariate's reference (a fitted-out reference is chosen again).
   */
  private static List<Covariate> sameReferences(List<Covariate> covs, Design full, List<Separation.Level> out) {
    return covs.stream().map(c -> {
      String reference = full.references().get(c.name());
      boolean fittedOut = out.stream().anyMatch(l -> l.covariate().equals(c.name()) && l.level().equals(reference));
      return c.categorical() && c.fixedReference() == null && !fittedOut ? new Covariate(c.name(), true, reference) : c;
    }).toList();
  }

  private static String status(String reason) {
    return reason == null ? "ok" : reason;
  }

  private static List<String> names(List<Covariate> covs) {
    return covs.stream().map(Covariate::name).toList();
  }
}
