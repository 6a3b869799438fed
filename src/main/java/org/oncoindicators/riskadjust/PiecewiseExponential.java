package org.oncoindicators.riskadjust;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Risk adjustment of survival to a horizon with a piecewise-exponential Poisson model (methods.md):
 * follow-up is split at the interval cut points, deaths and person-years are summed per centre ×
 * covariate pattern × interval in Spark, and a Poisson GLM with a log person-time offset (a
 * proportional-hazards model with a piecewise-constant baseline) is fitted on the national
 * pattern × interval counts; expected deaths per centre are summed in Spark.
 * E of a centre = Σ hazard × person-time over [0, horizon]. A death on the day of diagnosis is given
 * half a day of exposure (an event needs time at risk).
 */
public final class PiecewiseExponential {
  public static final String TIME_DAYS = "time_days";
  public static final String INTERVAL = "interval";
  static final String PT = "pt";
  static final String D = "d";
  static final String UNITS = "units";

  /**
   * Counts per centre and period; {@code referenceSurvival} is the nation's piecewise-exponential
   * survival at the horizon per period, the curve risk-adjusted survival is read from.
   */
  public record Output(CaseMixModel.Fitted fitted, ModelQuality quality, List<CentreCounts> centres,
                       Map<String, CentreCounts> nation, Map<String, Double> referenceSurvival,
                       Map<String, Double> personYears, List<CellCounts> cells) {}

  private PiecewiseExponential() {}

  /** Interval labels as R prints the cut points: {@code 0-0.25}, {@code 0.25-0.5}, {@code 1-2}. */
  public static List<String> labels(double[] cuts) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k + 1 < cuts.length; k++) {
      out.add(plain(cuts[k]) + "-" + plain(cuts[k + 1]));
    }
    return out;
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * One row per unit × interval with exposure: {@code pt} person-years in the interval (follow-up
   * truncated at the last cut), {@code d} = 1 for the interval (a, b] holding a death.
   */
  public static Dataset<Row> split(Dataset<Row> units, double[] cuts, double daysPerYear) {
    List<String> labels = labels(cuts);
    List<Column> intervals = new ArrayList<>();
    for (int k = 0; k < labels.size(); k++) {
      intervals.add(struct(lit(labels.get(k)).as("label"), lit(cuts[k] * daysPerYear).as("a"),
          lit(cuts[k + 1] * daysPerYear).as("b")));
    }
    Column t = greatest(col(TIME_DAYS).cast("double"), lit(0.5));
    Column horizon = lit(cuts[cuts.length - 1] * daysPerYear);
    return units.withColumn("_t", t).withColumn("_k", explode(array(intervals.toArray(Column[]::new))))
        .filter(col("_t").gt(col("_k.a")))
        .withColumn(PT, least(col("_t"), horizon, col("_k.b")).minus(col("_k.a")).divide(daysPerYear))
        .withColumn(D, when(col(LogisticCaseMix.EVENT).equalTo(1).and(col("_t").leq(col("_k.b")))
            .and(col("_t").leq(horizon)), lit(1L)).otherwise(lit(0L)))
        .withColumn(UNITS, when(col("_k.a").equalTo(0), lit(1L)).otherwise(lit(0L)))
        .withColumn(INTERVAL, col("_k.label")).drop("_t", "_k");
  }

  /**
   * @param units one row per unit: center_id, period, the covariates' columns, time_days, event (0/1),
   *     and optionally residence_region
   */
  public static Output run(Dataset<Row> units, double[] cuts, double daysPerYear, List<Covariate> caseMix,
                           int minEventsPerParameter) {
    List<String> labels = labels(cuts);
    Covariate interval = new Covariate(INTERVAL, true, labels.get(0));
    List<Covariate> withInterval = new ArrayList<>(List.of(interval));
    withInterval.addAll(caseMix);
    SparkSession spark = units.sparkSession();
    Dataset<Row> cells = split(LogisticCaseMix.withResidence(units), cuts, daysPerYear)
        .groupBy(LogisticCaseMix.keys(withInterval, LogisticCaseMix.CENTER, LogisticCaseMix.RESIDENCE,
            LogisticCaseMix.PERIOD))
        .agg(sum(PT).as(PT), sum(D).as(D), sum(UNITS).as(UNITS)).withColumn(Glm.OFFSET, log(col(PT)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      CountTable national = CountTable.collect(cells.groupBy(LogisticCaseMix.keys(withInterval))
          .agg(sum(PT).as(PT), sum(D).cast("double").as(D), sum(UNITS).cast("double").as(UNITS)));
      if (national.isEmpty()) {
        return new Output(null, null, List.of(), Map.of(), Map.of(), Map.of(), List.of());
      }
      Dataset<Row> fitRows = national.local(spark).withColumn(Glm.LABEL, col(D)).withColumn(Glm.OFFSET, log(col(PT)));
      double events = national.sum(D);
      CaseMixModel.Fitted fitted = CaseMixModel.fit(national, fitRows, Glm.Family.POISSON, UNITS, D, List.of(interval),
          caseMix, events, events, national.sum(PT), minEventsPerParameter);
      ModelQuality quality = quality(fitted.result().predict(fitRows), caseMix, labels.get(0));
      List<Row> perInterval = fitted.result().predict(cells)
          .groupBy(LogisticCaseMix.CENTER, LogisticCaseMix.PERIOD, INTERVAL, LogisticCaseMix.RESIDENCE)
          .agg(sum(UNITS), sum(D), sum(PT), sum(Glm.PREDICTION)).collectAsList();
      return counts(perInterval, labels, cuts, fitted, quality);
    } finally {
      cells.unpersist();
    }
  }

  private static Output counts(List<Row> perInterval, List<String> labels, double[] cuts, CaseMixModel.Fitted fitted,
                               ModelQuality quality) {
    Map<List<String>, double[]> byCentre = new LinkedHashMap<>(); // units, d, mu, then (d, pt) per interval
    Map<List<String>, double[]> byCell = new TreeMap<>(Comparator.comparing(Object::toString));
    for (Row r : perInterval) {
      double[] cell = byCell.computeIfAbsent(Arrays.asList(r.getString(0), r.getString(3), r.getString(1)),
          k -> new double[3]);
      cell[0] += r.getLong(4);
      cell[1] += r.getLong(5);
      cell[2] += r.getDouble(7);
      for (String centre : List.of(r.getString(0), "ALL")) {
        double[] acc = byCentre.computeIfAbsent(List.of(centre, r.getString(1)), k -> new double[3 + 2 * labels.size()]);
        int k = labels.indexOf(r.getString(2));
        acc[0] += r.getLong(4);
        acc[1] += r.getLong(5);
        acc[2] += r.getDouble(7);
        acc[3 + 2 * k] += r.getLong(5);
        acc[4 + 2 * k] += r.getDouble(6);
      }
    }
    List<CentreCounts> centres = new ArrayList<>();
    Map<String, CentreCounts> nation = new LinkedHashMap<>();
    Map<String, Double> reference = new LinkedHashMap<>();
    Map<String, Double> personYears = new LinkedHashMap<>();
    byCentre.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> (a.get(0) + "|" + a.get(1))
        .compareTo(b.get(0) + "|" + b.get(1)))).forEach(e -> {
          double[] acc = e.getValue();
          Double survival = survival(acc, cuts);
          CentreCounts c = new CentreCounts(e.getKey().get(0), e.getKey().get(1), (long) acc[0], (long) acc[1], acc[2],
              survival == null ? null : 1 - survival);
          String period = e.getKey().get(1);
          if (c.centerId().equals("ALL")) {
            nation.put(period, c);
            reference.put(period, survival);
            double py = 0;
            for (int k = 0; k < labels.size(); k++) {
              py += acc[4 + 2 * k];
            }
            personYears.put(period, py);
          } else {
            centres.add(c);
          }
        });
    List<CellCounts> cells = new ArrayList<>();
    byCell.forEach((key, a) -> cells.add(new CellCounts(key.get(0), key.get(1), key.get(2), (long) a[0], (long) a[1],
        a[2])));
    return new Output(fitted, quality, centres, nation, reference, personYears, cells);
  }

  /** exp(−Σ (D_k / PT_k) × width_k): NULL when an interval has no one at risk. */
  private static Double survival(double[] acc, double[] cuts) {
    double cumulativeHazard = 0;
    for (int k = 0; k + 1 < cuts.length; k++) {
      double d = acc[3 + 2 * k];
      double pt = acc[4 + 2 * k];
      if (!(pt > 0)) {
        return null;
      }
      cumulativeHazard += d / pt * (cuts[k + 1] - cuts[k]);
    }
    return Math.exp(-cumulativeHazard);
  }

  /** Deviance explained (on the pattern × interval table fitted) and calibration by deciles of hazard. */
  private static ModelQuality quality(Dataset<Row> predicted, List<Covariate> caseMix, String firstInterval) {
    List<Deviance.Cell> cells = new ArrayList<>();
    Map<List<Object>, double[]> patterns = new LinkedHashMap<>(); // risk, units, observed, expected
    for (Row r : predicted.collectAsList()) {
      double mu = r.getDouble(r.fieldIndex(Glm.PREDICTION));
      double pt = r.getDouble(r.fieldIndex(PT));
      double d = r.getDouble(r.fieldIndex(D));
      cells.add(new Deviance.Cell(d, pt, mu));
      List<Object> key = new ArrayList<>();
      caseMix.forEach(c -> key.add(r.get(r.fieldIndex(c.name()))));
      double[] p = patterns.computeIfAbsent(key, k -> new double[4]);
      if (r.getString(r.fieldIndex(INTERVAL)).equals(firstInterval)) {
        p[0] = mu / pt;
      }
      p[1] += r.getDouble(r.fieldIndex(UNITS));
      p[2] += d;
      p[3] += mu;
    }
    List<Calibration.Pattern> list = patterns.values().stream()
        .map(p -> new Calibration.Pattern(p[0], (long) p[1], p[2], p[3])).toList();
    Deviance deviance = Deviance.of(Glm.Family.POISSON, cells);
    return new ModelQuality(null, ModelQuality.DEVIANCE_EXPLAINED, deviance.explained(), Calibration.of(list, false),
        deviance);
  }
}
