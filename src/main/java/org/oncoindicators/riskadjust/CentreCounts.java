package org.oncoindicators.riskadjust;

/**
 * One centre's (or the nation's) counts for an indicator and period: units, observed events, the
 * events its case mix predicts, and its crude rate (NULL when not defined).
 */
public record CentreCounts(String centerId, String period, long n, long observed, double expected, Double crudeRate) {}
