package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.when;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Column;

/**
 * Pointwise confidence limits of a survival estimate S from the standard error of log S, exactly
 * as R's {@code survival:::survfit_confint} computes them for conf.type log-log, log and plain.
 */
public final class ConfidenceInterval {
  private final String type;
  private final double level;
  private final double z;
  private final boolean capAtOne;

  public ConfidenceInterval(String type, double level) {
    this(type, level, true);
  }

  private ConfidenceInterval(String type, double level, boolean capAtOne) {
    this.type = type;
    this.level = level;
    this.z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
    this.capAtOne = capAtOne;
  }

  /**
   * The same limits without the cap at 1, for relative and net survival, which may exceed 1
   * (relsurv does not cap them either); on the log-log scale S ≥ 1 has no limits.
   */
  public ConfidenceInterval uncapped() {
    return new ConfidenceInterval(type, level, false);
  }

  /** Lower limit; null where R gives NA (S = 0 or 1 on the log-log scale, S = 0 on the log scale). */
  public Column lower(Column s, Column logSe) {
    return limit(s, logSe, -1);
  }

  public Column upper(Column s, Column logSe) {
    return limit(s, logSe, +1);
  }

  private Column limit(Column s, Column logSe, int sign) {
    switch (type) {
      case "plain": {
        Column v = s.plus(lit(sign * z).multiply(logSe).multiply(s));
        return sign < 0 ? greatest(v, lit(0.0)) : capAtOne ? least(v, lit(1.0)) : v;
      }
      case "log": {
        Column v = exp(log(s).plus(lit(sign * z).multiply(logSe)));
        return when(s.gt(0), sign < 0 || !capAtOne ? v : least(v, lit(1.0)));
      }
      case "log-log": {
        Column se2 = lit(z).multiply(logSe).divide(log(s));
        Column v = exp(exp(log(log(s).multiply(-1)).minus(se2.multiply(-sign))).multiply(-1));
        return when(s.gt(0).and(s.lt(1)), v);
      }
      default:
        throw new IllegalArgumentException("conf type " + type);
    }
  }
}
