package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.spark.Seqs;

/**
 * Age-standardised net survival: Σ w_a S_a over the five ICSS age groups, variance Σ w_a² Var(S_a)
 * (Corazziari et al. 2004). Patients under 15 are outside the standard. When any age group has no
 * estimate at the horizon the result is NULL and {@code not_estimable}, never a re-weighted guess.
 */
public final class AgeStandardisedSurvival {
  public static final String ESTIMATOR = "net_pohar_perme_agestd";
  private static final int AGE_GROUPS = 5;

  private AgeStandardisedSurvival() {}

  /**
   * @param netAtHorizons Pohar-Perme horizon rows, stratum {@code all} and {@code age_group=…}, columns
   *     center_id, cancer_group, stratum, approach, horizon_years, estimate, std_error, n_patients, n_events, status
   * @param weights (cancer_group, age_group, weight)
   * @return one row per centre × cancer group × approach × horizon having a stratum {@code all} row
   */
  public static Dataset<Row> standardise(Dataset<Row> netAtHorizons, Dataset<Row> weights) {
    Dataset<Row> byAge = netAtHorizons.filter(col("stratum").startsWith(SurvivalStrata.AGE_GROUP + "="))
        .withColumn("age_group", regexp_extract(col("stratum"), "^age_group=(.*)$", 1));
    Dataset<Row> w = broadcast(weights.withColumnRenamed("cancer_group", "w_group").withColumnRenamed("age_group", "w_age"));
    Dataset<Row> weighted = byAge.join(w, byAge.col("cancer_group").equalTo(w.col("w_group"))
        .and(byAge.col("age_group").equalTo(w.col("w_age"))), "inner");
    Column ok = col("status").equalTo("ok");
    Dataset<Row> agg = weighted.groupBy("center_id", "cancer_group", "approach", "horizon_years").agg(
        sum(when(ok, col("weight").multiply(col("estimate")))).as("s"),
        sum(when(ok, col("weight").multiply(col("weight")).multiply(col("std_error")).multiply(col("std_error")))).as("v"),
        count(when(ok, lit(1))).as("groups_ok"),
        sum("n_patients").as("n_patients"), sum("n_events").as("n_events"));
    Dataset<Row> grid = netAtHorizons.filter(col("stratum").equalTo(SurvivalStrata.ALL))
        .select("center_id", "cancer_group", "approach", "horizon_years");
    Column estimable = coalesce(col("groups_ok"), lit(0L)).equalTo(AGE_GROUPS);
    return grid.join(agg, Seqs.of("center_id", "cancer_group", "approach", "horizon_years"), "left")
        .select(col("center_id"), col("cancer_group"), lit(SurvivalStrata.ALL).as("stratum"), col("approach"),
            lit(ESTIMATOR).as("estimator"), col("horizon_years"),
            when(estimable, col("s")).as("estimate"), when(estimable, sqrt(col("v"))).as("std_error"),
            coalesce(col("n_patients"), lit(0L)).as("n_patients"), coalesce(col("n_events"), lit(0L)).as("n_events"),
            when(estimable, lit("ok")).otherwise(lit("not_estimable")).as("status"));
  }
}
