package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.broadcast;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.config.ConfigError;

/**
 * The KCCR cancer groups (conf/reference/cancer_groups_icd10.csv) as a small broadcast lookup
 * from ICD-10 three-character category to group key; {@code all_sites} is the union, not a group.
 */
public final class CancerGroups {
  public static final String CATEGORY = "icd10_category";
  public static final String CANCER_GROUP = "cancer_group";

  private final List<Row> rows;

  private CancerGroups(List<Row> rows) {
    this.rows = rows;
  }

  /** Reads the versioned mapping table; a malformed table stops the run with its file named. */
  public static CancerGroups load(Path file) {
    List<Row> rows = new ArrayList<>();
    ReferenceTable.forEachRecord(file, "cancer groups (columns key, icd10_3char_codes)", r -> {
      String key = r.getString("key");
      if (!"all_sites".equals(key)) {
        for (String category : r.getString("icd10_3char_codes").split(";")) {
          rows.add(RowFactory.create(category.trim(), key));
        }
      }
    });
    if (rows.isEmpty()) {
      throw new ConfigError(file + ": no cancer groups read; expected columns key and icd10_3char_codes");
    }
    return new CancerGroups(List.copyOf(rows));
  }

  /** The lookup table (icd10_category, cancer_group). */
  public Dataset<Row> lookup(SparkSession spark) {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField(CATEGORY, DataTypes.StringType, false),
        DataTypes.createStructField(CANCER_GROUP, DataTypes.StringType, false)));
    return spark.createDataFrame(rows, schema);
  }

  /** Adds {@code cancer_group} to rows, joining their category column to the broadcast lookup. */
  public Dataset<Row> assign(Dataset<Row> in, Column category, SparkSession spark) {
    Dataset<Row> lookup = broadcast(lookup(spark).withColumnRenamed(CATEGORY, "_group_category"));
    return in.join(lookup, category.equalTo(lookup.col("_group_category")), "left").drop("_group_category");
  }

  /** The group keys (without all_sites). */
  public java.util.Set<String> groups() {
    java.util.Set<String> keys = new java.util.TreeSet<>();
    rows.forEach(r -> keys.add(r.getString(1)));
    return keys;
  }
}
