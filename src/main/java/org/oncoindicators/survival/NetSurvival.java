package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Observed (Kaplan–Meier, equal to survival::survfit), relative (Ederer II) and net (Pohar-Perme)
 * survival per centre × cancer group × stratum × approach and nationally ({@link #ALL_CENTERS}),
 * the latter two equal to relsurv::rs.surv (docs/relsurv-algorithm.md). Tumours are partitioned by
 * cancer group and streamed once with the life table broadcast; each patient-day costs a few
 * additions, a centre's sums are added to the nation's, and only group estimates reach the driver.
 */
public final class NetSurvival {
  public static final String ALL_CENTERS = "ALL";
  public static final String OBSERVED = "observed_km";
  public static final String EDERER2 = "relative_ederer2";
  public static final String POHAR_PERME = "net_pohar_perme";
  /** Columns the input must have, in this order. */
  public static final List<String> INPUT = List.of("center_id", "cancer_group", "strata", "time_days", "event", "sex",
      "age_at_diagnosis", "diagnosis_date", "residence_region");
  public static final StructType OUTPUT = DataTypes.createStructType(List.of(
      DataTypes.createStructField("center_id", DataTypes.StringType, false),
      DataTypes.createStructField("cancer_group", DataTypes.StringType, false),
      DataTypes.createStructField("stratum", DataTypes.StringType, false),
      DataTypes.createStructField("approach", DataTypes.StringType, false),
      DataTypes.createStructField("estimator", DataTypes.StringType, false),
      DataTypes.createStructField("horizon_years", DataTypes.IntegerType, true),
      DataTypes.createStructField("time_days", DataTypes.DoubleType, false),
      DataTypes.createStructField("estimate", DataTypes.DoubleType, false),
      DataTypes.createStructField("log_se", DataTypes.DoubleType, true),
      DataTypes.createStructField("n_patients", DataTypes.LongType, false),
      DataTypes.createStructField("n_events", DataTypes.LongType, false),
      DataTypes.createStructField("estimable", DataTypes.BooleanType, false)));

  private NetSurvival() {}

  /**
   * @param tumours one row per tumour, columns {@link #INPUT}: its centre (null: counted nationally
   *     only) and {@code strata}, the strata it belongs to ("all", "stage=regional", …)
   * @param hazards the life table; without it only observed survival is estimated
   * @return horizon rows (horizon_years set) and curve rows (horizon_years null), schema {@link #OUTPUT},
   *     per centre and nationally: observed survival at every time with an exit, relative and net on
   *     the settings' step grid
   */
  public static Dataset<Row> estimate(Dataset<Row> tumours, Optional<PopulationHazards> hazards,
                                      NetSurvivalSettings settings) {
    return estimate(tumours, hazards, settings, null);
  }

  /**
   * As {@link #estimate(Dataset, Optional, NetSurvivalSettings)}, with the age-standardised
   * Pohar-Perme estimate ({@link AgeStandardisedSurvival#ESTIMATOR}, stratum {@code all}, at the
   * horizons) beside every whole group's when a life table is given.
   *
   * @param icssWeights cancer group → age group → ICSS weight (see {@link IcssWeights}); null: none
   */
  public static Dataset<Row> estimate(Dataset<Row> tumours, Optional<PopulationHazards> hazards,
                                      NetSurvivalSettings settings, Map<String, Map<String, Double>> icssWeights) {
    SparkSession spark = tumours.sparkSession();
    Broadcast<PopulationHazards> table = hazards
        .map(h -> JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(h)).orElse(null);
    // ranges of cancer groups of similar size, as many as the shuffle partitions (adaptive execution
    // would merge a hash partitioning's few small-in-bytes partitions, leaving cores idle)
    int parts = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    Dataset<Row> sorted = tumours.select(INPUT.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
        .repartitionByRange(parts, col("cancer_group"))
        .sortWithinPartitions(col("cancer_group"), col("center_id"));
    JavaRDD<Row> out = sorted.javaRDD().mapPartitions(new NetSurvivalPartition(table, settings, icssWeights));
    return spark.createDataFrame(out, OUTPUT);
  }
}
