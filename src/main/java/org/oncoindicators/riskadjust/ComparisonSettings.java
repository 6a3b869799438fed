package org.oncoindicators.riskadjust;

/**
 * How centres are compared: the confidence level of O/E, the two funnel limits, the winsorising
 * share and test level of the over-dispersion estimate, the fewest centres it needs, and the
 * fewest units a centre needs to be flagged.
 */
public record ComparisonSettings(double confLevel, double innerLimit, double outerLimit, double winsor,
                                 double dispersionTestLevel, int minCentres, int minN) {}
