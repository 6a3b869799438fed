package org.oncoindicators.riskadjust;

/**
 * A case-mix covariate: categorical (one dummy per non-reference level) or numeric (one term).
 * The reference level of a categorical covariate is its most frequent level in the fitting data,
 * unless {@code fixedReference} names one (the first follow-up interval of a survival model).
 */
public record Covariate(String name, boolean categorical, String fixedReference) {
  public static Covariate categorical(String name) {
    return new Covariate(name, true, null);
  }

  public static Covariate numeric(String name) {
    return new Covariate(name, false, null);
  }
}
