package org.oncoindicators.riskadjust;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Risk adjustment of a binary outcome (e.g. death within 30 days of a resection): units are
 * aggregated in Spark to centre × covariate-pattern cells, a logistic case-mix model is fitted on
 * the national covariate patterns (no centre term), and each centre's E — the sum of its units'
 * predicted probabilities — is summed in Spark. Only national pattern counts (the model's
 * sufficient statistics) and per-centre totals reach the driver.
 */
public final class LogisticCaseMix {
  public static final String CENTER = "center_id";
  /** The units' residence region: optional; cells are kept per centre and residence region. */
  public static final String RESIDENCE = "residence_region";
  public static final String PERIOD = "period";
  public static final String EVENT = "event";
  public static final String ALL = "ALL";
  static final String N = "n";
  static final String O = "o";

  /** The model, its quality, per-period counts of each centre and of the nation, and the centre × residence cells. */
  public record Output(CaseMixModel.Fitted fitted, ModelQuality quality, List<CentreCounts> centres,
                       Map<String, CentreCounts> nation, List<CellCounts> cells) {}

  private LogisticCaseMix() {}

  /**
   * @param units one row per unit: center_id, period, the covariates' columns, event (0/1), and
   *     optionally residence_region
   */
  public static Output run(Dataset<Row> units, List<Covariate> caseMix, int minEventsPerParameter) {
    SparkSession spark = units.sparkSession();
    Dataset<Row> cells = withResidence(units).groupBy(keys(caseMix, CENTER, RESIDENCE, PERIOD))
        .agg(count(lit(1)).as(N), sum(col(EVENT).cast("long")).as(O)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      CountTable national = CountTable.collect(cells.groupBy(keys(caseMix))
          .agg(sum(N).cast("double").as(N), sum(O).cast("double").as(O)));
      double n = national.sum(N);
      double events = national.sum(O);
      if (n == 0) {
        return new Output(null, null, List.of(), Map.of(), List.of());
      }
      Dataset<Row> fitRows = national.local(spark).withColumn(Glm.WEIGHT, col(N))
          .withColumn(Glm.LABEL, col(O).divide(col(N)));
      CaseMixModel.Fitted fitted = CaseMixModel.fit(national, fitRows, Glm.Family.BINOMIAL, N, O, List.of(), caseMix,
          Math.min(events, n - events), events, n, minEventsPerParameter);
      ModelQuality quality = quality(fitted.result().predict(fitRows));
      List<CellCounts> perCell = new ArrayList<>();
      for (Row r : fitted.result().predict(cells).groupBy(CENTER, RESIDENCE, PERIOD)
          .agg(sum(N), sum(O), sum(col(N).multiply(col(Glm.PREDICTION)))).collectAsList()) {
        perCell.add(new CellCounts(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
            r.getDouble(5)));
      }
      return counts(perCell, fitted, quality);
    } finally {
      cells.unpersist();
    }
  }

  static List<String> names(List<Covariate> covs) {
    return covs.stream().map(Covariate::name).toList();
  }

  /** The units with a residence_region column (NULL when they carry none). */
  static Dataset<Row> withResidence(Dataset<Row> units) {
    return Arrays.asList(units.columns()).contains(RESIDENCE) ? units
        : units.withColumn(RESIDENCE, lit(null).cast("string"));
  }

  private static Output counts(List<CellCounts> cells, CaseMixModel.Fitted fitted, ModelQuality quality) {
    Map<List<String>, double[]> byCentre = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)));
    for (CellCounts cell : cells) {
      for (String centre : List.of(cell.centerId(), ALL)) {
        double[] acc = byCentre.computeIfAbsent(List.of(centre, cell.period()), k -> new double[3]);
        acc[0] += cell.n();
        acc[1] += cell.observed();
        acc[2] += cell.expected();
      }
    }
    List<CentreCounts> centres = new ArrayList<>();
    Map<String, CentreCounts> nation = new LinkedHashMap<>();
    byCentre.forEach((key, a) -> {
      CentreCounts c = new CentreCounts(key.get(0), key.get(1), (long) a[0], (long) a[1], a[2], a[1] / a[0]);
      if (key.get(0).equals(ALL)) {
        nation.put(key.get(1), c);
      } else {
        centres.add(c);
      }
    });
    return new Output(fitted, quality, centres, nation, cells);
  }

  /** c-statistic (MLlib's exact ROC area, ties counted half) and calibration on the national patterns. */
  static ModelQuality quality(Dataset<Row> predicted) {
    Dataset<Row> weighted = predicted.select(col(Glm.PREDICTION), lit(1.0).as("y"), col(O).as("w"))
        .unionByName(predicted.select(col(Glm.PREDICTION), lit(0.0).as("y"), col(Glm.WEIGHT).minus(col(O)).as("w")))
        .filter(col("w").gt(0));
    double c = new BinaryClassificationEvaluator().setRawPredictionCol(Glm.PREDICTION).setLabelCol("y")
        .setWeightCol("w").setNumBins(0).setMetricName("areaUnderROC").evaluate(weighted);
    List<Calibration.Pattern> patterns = new ArrayList<>();
    List<Deviance.Cell> cells = new ArrayList<>();
    for (Row r : predicted.select(col(Glm.PREDICTION), col(Glm.WEIGHT), col(O)).collectAsList()) {
      double p = r.getDouble(0);
      double n = r.getDouble(1);
      patterns.add(new Calibration.Pattern(p, (long) n, r.getDouble(2), n * p));
      cells.add(new Deviance.Cell(r.getDouble(2), n, n * p));
    }
    return new ModelQuality(c, ModelQuality.C_STATISTIC, c, Calibration.of(patterns, true),
        Deviance.of(Glm.Family.BINOMIAL, cells));
  }

  static Column[] keys(List<Covariate> covs, String... first) {
    List<Column> out = new ArrayList<>();
    for (String f : first) {
      out.add(col(f));
    }
    covs.forEach(c -> out.add(col(c.name())));
    return out.toArray(Column[]::new);
  }

}
