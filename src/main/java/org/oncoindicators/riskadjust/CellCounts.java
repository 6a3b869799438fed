package org.oncoindicators.riskadjust;

/**
 * Observed and expected events of one treating centre's units living in one residence region, for
 * an indicator and period. Cells are additive: summed over residence regions they give the
 * centre's {@link CentreCounts}; summed over centres, any grouping of centres or of patients'
 * residence (care networks, travel to the capital area) can be compared with the same national
 * model without refitting it.
 */
public record CellCounts(String centerId, String residenceRegion, String period, long n, long observed,
                         double expected) {}
