package org.oncoindicators.indicators;

import java.util.List;

/**
 * One indicator of the catalogue (conf/indicators.conf), after a per-group entry is expanded into
 * one indicator per cancer group: who is counted, from which date, what event, which model.
 *
 * @param cancerGroup the group key, or {@code multiple} for an indicator pooled over groups
 * @param filter a Spark SQL condition on the population, or NULL
 * @param withinDays for proportion outcomes; {@code horizonYears} for survival
 * @param intervalCuts follow-up cut points in years (survival), ending at the horizon
 * @param minN fewest units a centre needs to be flagged
 */
public record IndicatorSpec(String id, String title, Kind kind, String cancerGroup, List<String> cancerGroups,
                            Population population, String filter, Event event, Integer withinDays,
                            Integer horizonYears, Model model, List<String> covariates, boolean perYear,
                            String better, int minN, double[] intervalCuts) {
  /** What is measured: a binary outcome per unit, death to a horizon, or counts per year. */
  public enum Kind { PROPORTION, SURVIVAL, VOLUME }

  /** Who is counted, at which centre, from which index date (conf/indicators.conf explains each). */
  public enum Population { DIAGNOSED, RESECTED, TREATED }

  /** The outcome event counted within the window after the index date. */
  public enum Event { DEATH, TREATMENT, SYSTEMIC_THERAPY }

  /** The case-mix model; NONE compares with the national rate only. */
  public enum Model { LOGISTIC, PIECEWISE_EXPONENTIAL, NONE }

  /** Whether the population comes from claims (so the indicator needs claims). */
  public boolean needsClaims() {
    return population != Population.DIAGNOSED;
  }
}
