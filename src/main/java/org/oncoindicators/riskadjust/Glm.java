package org.oncoindicators.riskadjust;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionTrainingSummary;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Maximum-likelihood GLM fits with MLlib's {@link GeneralizedLinearRegression} (IRLS, the algorithm
 * of R's {@code glm}, with standard errors): binomial/logit on grouped rows (label = events / n,
 * weight = n, identical to the unit-level fit) and Poisson/log with a log person-time offset.
 * MLlib's {@code LogisticRegression} is not used because it reports no standard errors. Deviances
 * come from {@link Deviance} on the predictions, since MLlib's null deviance with an offset is a
 * second fit.
 */
public final class Glm {
  public static final String LABEL = "label";
  public static final String WEIGHT = "weight";
  public static final String OFFSET = "offset";
  public static final String PREDICTION = "prediction";
  /**
   * As R's glm.control. A level without events (or with only events) is fitted out before IRLS
   * ({@link Separation}); a fit still moving after this many steps is separated by a combination of
   * levels, whose coefficients run to infinity while the predictions approach the MLE limits.
   */
  static final int MAX_ITERATIONS = 25;

  /** The error distribution and its canonical link. */
  public enum Family {
    BINOMIAL("binomial", "logit"), POISSON("poisson", "log");

    final String family;
    final String link;

    Family(String family, String link) {
      this.family = family;
      this.link = link;
    }
  }

  /**
   * A fitted model: terms with the intercept first, as R prints them, then any fitted-out level
   * (coefficient ±∞, standard error NaN).
   *
   * @param model NULL for an intercept-only model, solved in closed form
   * @param fittedOut levels left out of IRLS because they separate the outcome ({@link Separation})
   */
  public record Result(Family family, Design design, List<String> terms, double[] coefficients, double[] stdErrors,
                       int iterations, GeneralizedLinearRegressionModel model, List<Separation.Level> fittedOut) {
    /** Whether IRLS stopped before the iteration limit. */
    public boolean converged() {
      return iterations < MAX_ITERATIONS;
    }

    /**
     * The same fit with {@code levels} fitted out: their terms added at the limit, their units'
     * predictions set to it.
     */
    Result withFittedOut(List<Separation.Level> levels) {
      List<String> allTerms = new ArrayList<>(terms);
      double[] coef = Arrays.copyOf(coefficients, coefficients.length + levels.size());
      double[] err = Arrays.copyOf(stdErrors, stdErrors.length + levels.size());
      for (int i = 0; i < levels.size(); i++) {
        allTerms.add(levels.get(i).term());
        coef[coefficients.length + i] = levels.get(i).coefficient();
        err[stdErrors.length + i] = Double.NaN;
      }
      List<Separation.Level> all = new ArrayList<>(fittedOut);
      all.addAll(levels);
      return new Result(family, design, List.copyOf(allTerms), coef, err, iterations, model, List.copyOf(all));
    }

    /** Adds {@link #PREDICTION}: the fitted mean (a probability, or expected events with the offset). */
    public Dataset<Row> predict(Dataset<Row> rows) {
      Dataset<Row> out;
      if (model == null) {
        out = family == Family.BINOMIAL
            ? rows.withColumn(PREDICTION, lit(1 / (1 + Math.exp(-coefficients[0]))))
            : rows.withColumn(PREDICTION, exp(lit(coefficients[0]).plus(col(OFFSET))));
      } else {
        out = model.transform(design.addFeatures(rows)).drop(Design.FEATURES);
      }
      if (fittedOut.isEmpty()) {
        return out;
      }
      Column limit = col(PREDICTION);
      for (Separation.Level l : fittedOut) {
        limit = when(col(l.covariate()).eqNullSafe(l.level()), lit(l.limit())).otherwise(limit);
      }
      return out.withColumn(PREDICTION, limit);
    }
  }

  private Glm() {}

  /**
   * Fits on rows carrying {@link #LABEL} and {@link #WEIGHT} (binomial) or {@link #OFFSET}
   * (Poisson) and the design's covariates.
   */
  public static Result fit(Dataset<Row> rows, Design design, Family family) {
    GeneralizedLinearRegression glr = new GeneralizedLinearRegression().setFamily(family.family).setLink(family.link)
        .setLabelCol(LABEL).setFeaturesCol(Design.FEATURES).setPredictionCol(PREDICTION)
        .setMaxIter(MAX_ITERATIONS).setTol(1e-10).setRegParam(0.0).setFitIntercept(true);
    if (family == Family.BINOMIAL) {
      glr.setWeightCol(WEIGHT);
    } else {
      glr.setOffsetCol(OFFSET);
    }
    GeneralizedLinearRegressionModel model = glr.fit(design.addFeatures(rows));
    GeneralizedLinearRegressionTrainingSummary summary = model.summary();
    double[] slopes = model.coefficients().toArray();
    double[] se = summary.coefficientStandardErrors(); // slopes first, intercept last
    double[] coef = new double[slopes.length + 1];
    double[] err = new double[slopes.length + 1];
    coef[0] = model.intercept();
    err[0] = se[se.length - 1];
    System.arraycopy(slopes, 0, coef, 1, slopes.length);
    System.arraycopy(se, 0, err, 1, slopes.length);
    List<String> terms = new ArrayList<>();
    terms.add(Design.INTERCEPT);
    terms.addAll(design.terms());
    return new Result(family, design, terms, coef, err, summary.numIterations(), model, List.of());
  }

  /** The closed-form intercept-only fit: logit(O/n) or log(O/PT), with its standard error. */
  public static Result interceptOnly(Family family, Design design, double events, double exposure) {
    double b0 = family == Family.BINOMIAL ? Math.log(events / (exposure - events)) : Math.log(events / exposure);
    double se = family == Family.BINOMIAL ? Math.sqrt(1 / events + 1 / (exposure - events)) : Math.sqrt(1 / events);
    return new Result(family, design, List.of(Design.INTERCEPT), new double[] {b0}, new double[] {se},
        0, null, List.of());
  }
}
