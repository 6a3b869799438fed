package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.oncoindicators.spark.Seqs;

/**
 * Kaplan–Meier observed survival with Greenwood's variance, computed by Spark aggregation: rows
 * are first reduced to (group, time, deaths, exits), then one sorted walk per group over time
 * ({@link ProductLimitWalk}) gives the product-limit estimate S(t) = Π (1 − d/n) and
 * Var(log S) = Σ d / (n (n − d)) (Greenwood 1926), as R's {@code survival::survfit}. Nothing per
 * patient reaches the driver.
 */
public final class KaplanMeier {
  public static final String TIME = "time_days";
  public static final String EVENT = "event";
  /** Optional: the day a tumour enters the risk set (left truncation, period approach); at risk on (entry, exit]. */
  public static final String ENTRY = "entry_days";
  public static final String N_RISK = "n_risk";
  public static final String DEATHS = "n_event";
  public static final String SURVIVAL = "surv";
  public static final String LOG_SE = "log_se";
  public static final String CUM_EVENTS = "cum_events";

  private KaplanMeier() {}

  /**
   * The estimate at every distinct observed time per group (events and censorings). With an
   * {@link #ENTRY} column the number at risk at t counts tumours with entry &lt; t ≤ exit, as
   * survfit(Surv(entry, exit, event)) does.
   */
  public static Dataset<Row> curve(Dataset<Row> in, List<String> groups) {
    Column[] g = cols(groups);
    Column[] gt = Stream.concat(groups.stream(), Stream.of(TIME)).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> byTime = in.groupBy(gt).agg(sum(col(EVENT)).cast("long").as(DEATHS), count(lit(1)).as("exits"),
        lit(0L).as("entries"));
    if (Arrays.asList(in.columns()).contains(ENTRY)) {
      Column[] ge = Stream.concat(groups.stream().map(c -> col(c)), Stream.of(col(ENTRY).as(TIME))).toArray(Column[]::new);
      Dataset<Row> entries = in.filter(col(ENTRY).gt(0)).groupBy(ge)
          .agg(lit(0L).as(DEATHS), lit(0L).as("exits"), count(lit(1)).as("entries"));
      byTime = byTime.unionByName(entries).groupBy(gt)
          .agg(sum(DEATHS).as(DEATHS), sum("exits").as("exits"), sum("entries").as("entries"));
    }
    byTime = byTime.select(Stream.concat(Arrays.stream(gt), Stream.of(col(DEATHS), col("exits").cast("long"),
        col("entries").cast("long"))).toArray(Column[]::new));
    List<StructField> fields = new ArrayList<>(Arrays.asList(byTime.schema().fields()).subList(0, groups.size() + 2));
    fields.add(DataTypes.createStructField(N_RISK, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(SURVIVAL, DataTypes.DoubleType, false));
    fields.add(DataTypes.createStructField(LOG_SE, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(CUM_EVENTS, DataTypes.LongType, false));
    return byTime.repartition(g).sortWithinPartitions(gt)
        .mapPartitions(new ProductLimitWalk(groups.size()), Encoders.row(DataTypes.createStructType(fields)));
  }

  /**
   * The estimate at each horizon per group: S at the last observed time at or before the horizon
   * (as R's summary(fit, times = h)); {@code not_estimable} when follow-up ends before the horizon.
   */
  public static Dataset<Row> atHorizons(Dataset<Row> in, List<String> groups, List<Integer> horizonsYears,
                                        double daysPerYear, ConfidenceInterval ci) {
    return atHorizons(curve(in, groups), totals(in, groups), groups, horizonsYears, daysPerYear, ci);
  }

  /** Per group: tumours and the longest follow-up (a horizon beyond it is not estimable). */
  public static Dataset<Row> totals(Dataset<Row> in, List<String> groups) {
    return in.groupBy(cols(groups)).agg(count(lit(1)).as("n_patients"), max(col(TIME)).as("max_time"));
  }

  /** As {@link #atHorizons(Dataset, List, List, double, ConfidenceInterval)}, from a curve computed once. */
  public static Dataset<Row> atHorizons(Dataset<Row> curve, Dataset<Row> totals, List<String> groups,
                                        List<Integer> horizonsYears, double daysPerYear, ConfidenceInterval ci) {
    SparkSession spark = curve.sparkSession();
    List<Row> h = new ArrayList<>();
    for (int years : horizonsYears) {
      h.add(RowFactory.create(years, years * daysPerYear));
    }
    Dataset<Row> horizons = spark.createDataFrame(h, DataTypes.createStructType(List.of(
        DataTypes.createStructField("horizon_years", DataTypes.IntegerType, false),
        DataTypes.createStructField("horizon_days", DataTypes.DoubleType, false))));
    List<String> keys = new ArrayList<>(groups);
    keys.add("horizon_years");
    double longest = horizonsYears.stream().mapToDouble(y -> y * daysPerYear).max().orElse(0);
    // Only times up to the longest horizon can be a horizon's last time: the rest of the curve
    // (follow-up runs to 16 years) is left out before the cross join.
    Dataset<Row> last = curve.filter(col(TIME).leq(longest)).crossJoin(horizons).filter(col(TIME).leq(col("horizon_days")))
        .groupBy(cols(keys))
        .agg(max_by(struct(col(SURVIVAL), col(LOG_SE), col(CUM_EVENTS)), col(TIME)).as("at"));
    Dataset<Row> grid = totals.crossJoin(horizons);
    Column s = coalesce(col("at." + SURVIVAL), lit(1.0));
    Column logSe = when(col("at").isNull(), lit(0.0)).otherwise(col("at." + LOG_SE));
    Column estimable = col("max_time").geq(col("horizon_days")).or(s.equalTo(0.0));
    return grid.join(last, Seqs.of(keys), "left")
        .select(Stream.concat(groups.stream().map(c -> col(c)), Stream.of(
            col("horizon_years"),
            when(estimable, s).as("estimate"),
            when(estimable, s.multiply(logSe)).as("std_error"),
            when(estimable, ci.lower(s, logSe)).as("ci_lower"),
            when(estimable, ci.upper(s, logSe)).as("ci_upper"),
            col("n_patients"),
            coalesce(col("at." + CUM_EVENTS), lit(0L)).as("n_events"),
            when(estimable, lit("ok")).otherwise(lit("not_estimable")).as("status"))).toArray(Column[]::new));
  }

  private static Column[] cols(List<String> names) {
    return names.stream().map(c -> col(c)).toArray(Column[]::new);
  }
}
