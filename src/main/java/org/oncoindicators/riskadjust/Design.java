package org.oncoindicators.riskadjust;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;

/**
 * The design matrix of a case-mix model: a dummy term {@code name=level} for every non-reference
 * level of each categorical covariate (levels as present in the fitting data, so no empty column
 * makes the fit singular), and each numeric covariate as one term. Term names match R's
 * {@code glm} fixtures, which relevel each factor to the same reference.
 */
public final class Design {
  public static final String FEATURES = "features";
  public static final String INTERCEPT = "(Intercept)";

  private final List<String> names;
  private final List<Column> values;
  private final Map<String, String> references;

  private Design(List<String> names, List<Column> values, Map<String, String> references) {
    this.names = names;
    this.values = values;
    this.references = references;
  }

  /** The design of {@code covs}, given the level counts of the fitting data. */
  public static Design of(List<Covariate> covs, Map<String, Map<String, Double>> levelCounts) {
    List<String> names = new ArrayList<>();
    List<Column> values = new ArrayList<>();
    Map<String, String> references = new LinkedHashMap<>();
    for (Covariate c : covs) {
      if (!c.categorical()) {
        names.add(c.name());
        values.add(col(c.name()).cast("double"));
        continue;
      }
      Map<String, Double> levels = levelCounts.get(c.name());
      String reference = c.fixedReference() != null ? c.fixedReference() : levels.entrySet().stream()
          .max(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .orElseThrow().getKey();
      references.put(c.name(), reference);
      for (String level : levels.keySet()) {
        if (!level.equals(reference)) {
          names.add(c.name() + "=" + level);
          values.add(when(col(c.name()).equalTo(level), lit(1.0)).otherwise(lit(0.0)));
        }
      }
    }
    return new Design(List.copyOf(names), List.copyOf(values), references);
  }

  /**
   * Adds the {@code features} vector column for MLlib. The terms are added in one projection (a
   * chain of one projection per term is re-analysed at every step). On a frame held on the driver
   * (a national pattern table) the result is materialised there once: Spark's optimizer folds
   * projections over driver-side rows by evaluating them row by row without code generation, and
   * MLlib plans its input many times during a fit.
   */
  public Dataset<Row> addFeatures(Dataset<Row> rows) {
    String[] temp = new String[names.size()];
    List<Column> columns = new ArrayList<>(List.of(col("*")));
    for (int i = 0; i < temp.length; i++) {
      temp[i] = "_x" + i;
      columns.add(values.get(i).as(temp[i]));
    }
    Dataset<Row> out = new VectorAssembler().setInputCols(temp).setOutputCol(FEATURES)
        .transform(rows.select(columns.toArray(Column[]::new))).drop(temp);
    return onDriver(rows) ? rows.sparkSession().createDataFrame(out.collectAsList(), out.schema()) : out;
  }

  /** Whether the frame's rows are held on the driver (its optimised plan is a local relation). */
  private static boolean onDriver(Dataset<Row> rows) {
    return rows.queryExecution().optimizedPlan() instanceof LocalRelation;
  }

  /** Term names without the intercept, in feature order. */
  public List<String> terms() {
    return names;
  }

  /** Parameters including the intercept. */
  public int parameters() {
    return names.size() + 1;
  }

  /** Reference level of each categorical covariate. */
  public Map<String, String> references() {
    return references;
  }
}
