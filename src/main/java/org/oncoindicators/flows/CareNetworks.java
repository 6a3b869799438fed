package org.oncoindicators.flows;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.spark.Seqs;

/**
 * The paths patients take between centres, from their care paths (first claim with the cancer's
 * diagnosis, first treatment, follow-up centre), per cancer group and all sites, as rows of
 * {@code gold.care_network}: each centre's network membership and how many of the patients first
 * seen there were treated in its network; referral volumes between centres; where treated patients
 * are followed up; and per network the share of patients treated in the network where they were
 * first seen, with the days from the first diagnostic claim to the first treatment.
 */
public final class CareNetworks {
  public static final String MEMBERSHIP = "membership";
  public static final String REFERRAL = "referral";
  public static final String FOLLOW_UP = "follow_up";
  public static final String RETENTION = "retention";
  /** The table's schema, for a run without claims (no paths, no rows). */
  public static final StructType SCHEMA = DataTypes.createStructType(List.of(
      field("measure", DataTypes.StringType), field("cancer_group", DataTypes.StringType),
      field("network_id", DataTypes.StringType), field("from_center_id", DataTypes.StringType),
      field("to_center_id", DataTypes.StringType), field("role", DataTypes.StringType),
      field("basis", DataTypes.StringType), field("n", DataTypes.LongType), field("denominator", DataTypes.LongType),
      field("share", DataTypes.DoubleType), field("ci_lower", DataTypes.DoubleType),
      field("ci_upper", DataTypes.DoubleType), field("p25_days", DataTypes.DoubleType),
      field("median_days", DataTypes.DoubleType), field("p75_days", DataTypes.DoubleType),
      field("run_id", DataTypes.StringType)));
  private static final String ALL_SITES = "all_sites";
  private static final StructType MEMBERS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("center_id", DataTypes.StringType, false),
      DataTypes.createStructField("network_id", DataTypes.StringType, false),
      DataTypes.createStructField("hub_center_id", DataTypes.StringType, false),
      DataTypes.createStructField("role", DataTypes.StringType, false),
      DataTypes.createStructField("basis", DataTypes.StringType, false)));

  private CareNetworks() {}

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  /**
   * Patients first seen at one centre and first treated at another (or the same), all cancer
   * groups: the counts network membership is found from.
   *
   * @param paths care paths of the analysed tumours
   */
  public static List<NetworkMembership.Referral> referrals(Dataset<Row> paths) {
    List<NetworkMembership.Referral> out = new ArrayList<>();
    for (Row r : paths.filter(col("first_diagnostic_center_id").isNotNull().and(col("first_treatment_center_id")
            .isNotNull())).groupBy("first_diagnostic_center_id", "first_treatment_center_id").count().collectAsList()) {
      out.add(new NetworkMembership.Referral(r.getString(0), r.getString(1), r.getLong(2)));
    }
    return out;
  }

  /** The members as a small table: center_id, network_id, hub_center_id (an unlinked centre is its own), role, basis. */
  public static Dataset<Row> members(SparkSession spark, List<NetworkMembership.Member> members) {
    Map<String, String> hubs = new HashMap<>();
    members.stream().filter(m -> DeclaredNetworks.HUB.equals(m.role()))
        .forEach(m -> hubs.put(m.networkId(), m.centerId()));
    List<Row> rows = members.stream().map(m -> RowFactory.create(m.centerId(), m.networkId(),
        hubs.getOrDefault(m.networkId(), m.networkId()), m.role(), m.basis())).toList();
    return spark.createDataFrame(rows, MEMBERS);
  }

  /**
   * @param paths care paths of the analysed tumours with their cancer_group
   * @param members the network membership table ({@link #members})
   */
  public static Dataset<Row> build(Dataset<Row> paths, Dataset<Row> members, String runId) {
    Dataset<Row> nets = broadcast(members.select(col("center_id").as("_c"), col("network_id").as("_n")));
    Dataset<Row> p = paths.withColumn("cancer_group", explode(array(col("cancer_group"), lit(ALL_SITES))))
        .withColumn("days", datediff(col("first_treatment_date"), col("first_diagnostic_date")));
    Dataset<Row> treated = p.filter(col("first_diagnostic_center_id").isNotNull()
            .and(col("first_treatment_center_id").isNotNull()))
        .join(nets, col("first_diagnostic_center_id").equalTo(col("_c")), "left")
        .withColumnRenamed("_n", "seen_network").drop("_c")
        .join(nets, col("first_treatment_center_id").equalTo(col("_c")), "left")
        .withColumnRenamed("_n", "treated_network").drop("_c")
        .withColumn("kept", when(col("seen_network").equalTo(col("treated_network")), 1L).otherwise(0L));
    Dataset<Row> retention = treated.groupBy(col("cancer_group"), col("seen_network").as("network_id"))
        .agg(sum("kept").as("n"), count(lit(1)).as("denominator"), quartiles())
        .unionByName(treated.groupBy(col("cancer_group")).agg(sum("kept").as("n"), count(lit(1)).as("denominator"),
            quartiles()).withColumn("network_id", lit("ALL")))
        .withColumn("measure", lit(RETENTION));
    Dataset<Row> seenAt = treated.groupBy(col("cancer_group"), col("first_diagnostic_center_id").as("from_center_id"))
        .agg(sum("kept").as("n"), count(lit(1)).as("denominator"), quartiles());
    Dataset<Row> membership = members.select(col("center_id").as("from_center_id"), col("network_id"),
            col("hub_center_id").as("to_center_id"), col("role"), col("basis"))
        .join(seenAt.filter(col("cancer_group").equalTo(ALL_SITES)), Seqs.of("from_center_id"), "left")
        .withColumn("cancer_group", lit(ALL_SITES))
        .withColumn("n", when(col("n").isNull(), lit(0L)).otherwise(col("n")))
        .withColumn("denominator", when(col("denominator").isNull(), lit(0L)).otherwise(col("denominator")))
        .withColumn("measure", lit(MEMBERSHIP));
    Dataset<Row> referral = treated.filter(col("first_diagnostic_center_id").notEqual(col("first_treatment_center_id")))
        .groupBy(col("cancer_group"), col("first_diagnostic_center_id").as("from_center_id"),
            col("first_treatment_center_id").as("to_center_id"))
        .agg(count(lit(1)).as("n"), quartiles())
        .join(seenAt.select("cancer_group", "from_center_id", "denominator"), Seqs.of("cancer_group", "from_center_id"))
        .withColumn("measure", lit(REFERRAL));
    Dataset<Row> followed = p.filter(col("first_treatment_center_id").isNotNull()
        .and(col("follow_up_center_id").isNotNull()));
    Dataset<Row> followUp = followed.groupBy(col("cancer_group"), col("first_treatment_center_id").as("from_center_id"),
            col("follow_up_center_id").as("to_center_id")).agg(count(lit(1)).as("n"))
        .join(followed.groupBy(col("cancer_group"), col("first_treatment_center_id").as("from_center_id"))
            .agg(count(lit(1)).as("denominator")), Seqs.of("cancer_group", "from_center_id"))
        .withColumn("measure", lit(FOLLOW_UP));
    Dataset<Row> all = membership.unionByName(retention, true).unionByName(referral, true)
        .unionByName(followUp, true);
    return PatientFlows.withShare(all).withColumn("p25_days", col("_q").getItem(0))
        .withColumn("median_days", col("_q").getItem(1)).withColumn("p75_days", col("_q").getItem(2))
        .withColumn("run_id", lit(runId))
        .select(Arrays.stream(SCHEMA.fieldNames()).map(c -> col(c).cast(SCHEMA.apply(c).dataType()))
            .toArray(Column[]::new));
  }

  /** p25_days, median_days, p75_days of the days from the first diagnostic claim to the first treatment. */
  private static Column quartiles() {
    return expr("percentile(days, array(0.25, 0.5, 0.75))").as("_q");
  }
}
