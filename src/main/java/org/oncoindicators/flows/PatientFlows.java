package org.oncoindicators.flows;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Set;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.oncoindicators.spark.Seqs;

/**
 * Where patients are treated relative to where they live (methods.md, "Patient flows"), per cancer
 * group (and all sites) and diagnosis year (and all years), as shares with Wilson 95% intervals:
 * residence region × treating region and × treating centre; each region's self-sufficiency
 * (residents treated in their own region); capital-area outflow (residents of the other regions
 * treated in Seoul, Incheon or Gyeonggi); and residents abroad (an ISO 3166-1 country code as
 * residence) per treating centre. One row per measure and cell, pure on DataFrames.
 */
public final class PatientFlows {
  public static final String REGION_MATRIX = "residence_x_region";
  public static final String CENTRE_MATRIX = "residence_x_centre";
  public static final String SELF_SUFFICIENCY = "self_sufficiency";
  public static final String CAPITAL_OUTFLOW = "capital_outflow";
  public static final String INTERNATIONAL = "international";
  public static final String ALL = "ALL";
  public static final String ALL_NON_CAPITAL = "ALL_NON_CAPITAL";
  static final List<String> COLUMNS = List.of("measure", "cancer_group", "diagnosis_year", "residence_region",
      "treating_region", "center_id", "n", "denominator", "share", "ci_lower", "ci_upper", "run_id");

  static final UserDefinedFunction WILSON = udf((UDF2<Long, Long, Row>) (n, total) -> {
    if (total == null || total == 0) {
      return null;
    }
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval(total.intValue(), n.intValue(), 0.95);
    return RowFactory.create(ci.getLowerBound(), ci.getUpperBound());
  }, DataTypes.createStructType(List.of(DataTypes.createStructField("lower", DataTypes.DoubleType, false),
      DataTypes.createStructField("upper", DataTypes.DoubleType, false))));

  private PatientFlows() {}

  /**
   * @param tumours analysed tumours: cancer_group, diagnosis_year, residence_region, center_id, center_region
   * @param koreanRegions ISO 3166-2 codes of the regions (anything else is a country abroad)
   * @param capitalRegions the capital-area regions
   */
  public static Dataset<Row> build(Dataset<Row> tumours, Set<String> koreanRegions, Set<String> capitalRegions,
                                   String runId) {
    Column home = col("residence_region").isin(koreanRegions.toArray());
    Dataset<Row> t = tumours
        .withColumn("cancer_group", explode(array(col("cancer_group"), lit("all_sites"))))
        .withColumn("diagnosis_year", explode(array(col("diagnosis_year").cast("string"), lit("all"))))
        .select(col("cancer_group"), col("diagnosis_year"), col("residence_region"), col("center_id"),
            col("center_region").as("treating_region"), home.as("home"),
            col("center_region").equalTo(col("residence_region")).as("own_region"),
            col("center_region").isin(capitalRegions.toArray()).as("in_capital"),
            col("residence_region").isin(capitalRegions.toArray()).as("from_capital"));
    Dataset<Row> residents = t.groupBy("cancer_group", "diagnosis_year", "residence_region")
        .agg(count(lit(1)).as("denominator"));
    Dataset<Row> regionMatrix = t.groupBy("cancer_group", "diagnosis_year", "residence_region", "treating_region")
        .agg(count(lit(1)).as("n")).join(residents, Seqs.of("cancer_group", "diagnosis_year", "residence_region"))
        .withColumn("measure", lit(REGION_MATRIX)).withColumn("center_id", lit(null).cast("string"));
    Dataset<Row> centreMatrix = t.groupBy("cancer_group", "diagnosis_year", "residence_region", "treating_region",
            "center_id").agg(count(lit(1)).as("n"))
        .join(residents, Seqs.of("cancer_group", "diagnosis_year", "residence_region"))
        .withColumn("measure", lit(CENTRE_MATRIX));
    Dataset<Row> selfSufficiency = t.filter(col("home"))
        .groupBy("cancer_group", "diagnosis_year", "residence_region")
        .agg(sum(when(col("own_region"), 1L).otherwise(0L)).as("n"), count(lit(1)).as("denominator"))
        .withColumn("measure", lit(SELF_SUFFICIENCY));
    Dataset<Row> nonCapital = t.filter(col("home").and(col("from_capital").unary_$bang()));
    Dataset<Row> outflow = nonCapital.groupBy("cancer_group", "diagnosis_year", "residence_region")
        .agg(sum(when(col("in_capital"), 1L).otherwise(0L)).as("n"), count(lit(1)).as("denominator"))
        .unionByName(nonCapital.groupBy("cancer_group", "diagnosis_year")
            .agg(sum(when(col("in_capital"), 1L).otherwise(0L)).as("n"), count(lit(1)).as("denominator"))
            .withColumn("residence_region", lit(ALL_NON_CAPITAL)))
        .withColumn("measure", lit(CAPITAL_OUTFLOW));
    Dataset<Row> international = t.groupBy("cancer_group", "diagnosis_year", "center_id", "treating_region")
        .agg(sum(when(col("home"), 0L).otherwise(1L)).as("n"), count(lit(1)).as("denominator"))
        .filter(col("n").gt(0)).withColumn("measure", lit(INTERNATIONAL))
        .withColumn("residence_region", lit("abroad"));
    Dataset<Row> all = regionMatrix.unionByName(centreMatrix, true).unionByName(selfSufficiency, true)
        .unionByName(outflow, true).unionByName(international, true);
    return withShare(all).withColumn("run_id", lit(runId))
        .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** Adds share = n / denominator and its Wilson 95% interval (NULL when the denominator is 0). */
  static Dataset<Row> withShare(Dataset<Row> counts) {
    return counts.withColumn("share", when(col("denominator").gt(0), col("n").divide(col("denominator"))))
        .withColumn("_ci", WILSON.apply(col("n"), col("denominator")))
        .withColumn("ci_lower", col("_ci.lower")).withColumn("ci_upper", col("_ci.upper")).drop("_ci");
  }
}
