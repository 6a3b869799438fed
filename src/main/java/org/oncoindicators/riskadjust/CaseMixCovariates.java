package org.oncoindicators.riskadjust;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The case-mix covariates an indicator may name (methods.md: age group, sex, stage, comorbidity,
 * diagnosis year) and how each enters a model: categories for age group, sex, stage (unknown is
 * its own level) and the Charlson index grouped 0/1/2/3+ (unknown without claims); the diagnosis
 * year as a linear term in years before the closing year; the cancer group as a category for
 * indicators pooled over groups.
 */
public final class CaseMixCovariates {
  public static final String AGE_GROUP = "age_group";
  public static final String SEX = "sex";
  public static final String STAGE = "stage";
  public static final String CHARLSON = "charlson";
  public static final String DIAGNOSIS_YEAR = "diagnosis_year";
  /** For indicators pooled over cancer groups, whose baseline risks differ. */
  public static final String CANCER_GROUP = "cancer_group";
  public static final List<String> KNOWN = List.of(AGE_GROUP, SEX, STAGE, CHARLSON, DIAGNOSIS_YEAR, CANCER_GROUP);

  private CaseMixCovariates() {}

  public static Covariate covariate(String name) {
    if (!KNOWN.contains(name)) {
      throw new IllegalArgumentException("unknown covariate '" + name + "'; known: " + KNOWN);
    }
    return name.equals(DIAGNOSIS_YEAR) ? Covariate.numeric(name) : Covariate.categorical(name);
  }

  /** The Charlson index grouped as the model uses it. */
  public static Column charlsonGroup(Column index) {
    return when(index.isNull(), lit("unknown")).when(index.geq(3), lit("3+")).otherwise(index.cast("string"));
  }

  /** The diagnosis year as the model uses it: years relative to the closing year. */
  public static Column yearTerm(Column year, int closingYear) {
    return year.minus(closingYear).cast("double");
  }
}
