package org.oncoindicators.cohort;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.oncoindicators.terminology.ReferenceTable;
import org.oncoindicators.terminology.CodePrefixes;

/**
 * Charlson comorbidity index per tumour from claim diagnoses in a look-back window before diagnosis
 * (Quan et al. 2005 ICD-10 coding algorithm, conf/reference/charlson_quan_icd10.csv), leaving out
 * the malignancy and metastasis conditions the index cancer itself produces, with Quan's hierarchy
 * (severe liver disease suppresses mild; complicated diabetes suppresses uncomplicated).
 */
public final class CharlsonIndex {
  static final Set<String> OWN_CANCER = Set.of("CANCER", "METS");
  private final List<Row> prefixes;

  private CharlsonIndex(List<Row> prefixes) {
    this.prefixes = prefixes;
  }

  /** @param weightColumn {@code weight_charlson_1987} or {@code weight_quan_2011} */
  public static CharlsonIndex load(Path file, String weightColumn) {
    List<Row> rows = new ArrayList<>();
    ReferenceTable.forEachRecord(file, "Charlson codes with weights '" + weightColumn + "'", r -> {
      String key = r.getString("condition_key");
      if (!OWN_CANCER.contains(key)) {
        int weight = Integer.parseInt(r.getString(weightColumn));
        for (String prefix : r.getString("icd10_prefixes").split(";")) {
          rows.add(RowFactory.create(prefix.trim(), key, weight));
        }
      }
    });
    return new CharlsonIndex(List.copyOf(rows));
  }

  /**
   * @param tumours (tumor_id, patient_id, diagnosis_date)
   * @param claims (patient_id, service_date, dx_codes)
   * @return (tumor_id, charlson_index, charlson_conditions) for tumours with at least one condition
   */
  public Dataset<Row> compute(Dataset<Row> tumours, Dataset<Row> claims, int lookbackDays, SparkSession spark) {
    Dataset<Row> codes = broadcast(spark.createDataFrame(prefixes, DataTypes.createStructType(List.of(
        DataTypes.createStructField("cc_prefix", DataTypes.StringType, false),
        DataTypes.createStructField("condition", DataTypes.StringType, false),
        DataTypes.createStructField("weight", DataTypes.IntegerType, false)))));
    Dataset<Row> dx = claims.filter(col("dx_codes").isNotNull())
        .select(col("patient_id").as("cc_patient"), col("service_date"),
            explode(split(col("dx_codes"), "\\|")).as("dx"))
        .withColumn("dx", CodePrefixes.compact(col("dx")))
        .filter(CodePrefixes.mayMatch(col("dx"), prefixes.stream().map(r -> r.getString(0)).toList()))
        .withColumn("cc_candidate", CodePrefixes.candidates("dx"))
        .join(codes, col("cc_candidate").equalTo(col("cc_prefix")));
    Dataset<Row> found = tumours.select("tumor_id", "patient_id", "diagnosis_date")
        .join(dx, col("patient_id").equalTo(col("cc_patient"))
            .and(col("service_date").lt(col("diagnosis_date")))
            .and(col("service_date").geq(date_sub(col("diagnosis_date"), lookbackDays))))
        .select("tumor_id", "condition", "weight").distinct();
    var perTumour = Window.partitionBy("tumor_id");
    return found
        .withColumn("has_msld", max(when(col("condition").equalTo("MSLD"), 1).otherwise(0)).over(perTumour))
        .withColumn("has_diab_c", max(when(col("condition").equalTo("DIAB_C"), 1).otherwise(0)).over(perTumour))
        .filter(col("condition").equalTo("MILDLD").and(col("has_msld").equalTo(1)).unary_$bang()
            .and(col("condition").equalTo("DIAB_UC").and(col("has_diab_c").equalTo(1)).unary_$bang()))
        .groupBy("tumor_id")
        .agg(sum("weight").cast("int").as("charlson_index"), collect_set("condition").as("charlson_conditions"));
  }
}
