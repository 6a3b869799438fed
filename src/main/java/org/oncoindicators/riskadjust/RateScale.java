package org.oncoindicators.riskadjust;

/**
 * Turns an O/E ratio into the indicator's own scale: a proportion (O/E × national rate) for
 * binary outcomes, a cumulative mortality 1 − S_ref(t)^(O/E) for survival (proportional hazards).
 */
public interface RateScale {
  double nationalRate();

  double rate(double oe);

  static RateScale proportion(double nationalRate) {
    return new RateScale() {
      @Override
      public double nationalRate() {
        return nationalRate;
      }

      @Override
      public double rate(double oe) {
        return Math.min(1.0, oe * nationalRate);
      }
    };
  }

  /** @param referenceSurvival the national survival at the horizon */
  static RateScale cumulativeMortality(double referenceSurvival) {
    return new RateScale() {
      @Override
      public double nationalRate() {
        return 1 - referenceSurvival;
      }

      @Override
      public double rate(double oe) {
        return 1 - Math.pow(referenceSurvival, oe);
      }
    };
  }
}
