package org.oncoindicators.riskadjust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A case-mix model's sufficient statistics — events and exposure per national covariate pattern,
 * aggregated in Spark, a few thousand rows without centre or patient — held on the driver and
 * handed to MLlib as a small local DataFrame, so the IRLS iterations are one-partition jobs
 * instead of jobs over the cluster's shuffle partitions.
 */
public final class CountTable {
  private final StructType schema;
  private final List<Row> rows;

  private CountTable(StructType schema, List<Row> rows) {
    this.schema = schema;
    this.rows = rows;
  }

  /** Runs the aggregation and brings its (small) result to the driver. */
  public static CountTable collect(Dataset<Row> aggregated) {
    return new CountTable(aggregated.schema(), aggregated.collectAsList());
  }

  public List<Row> rows() {
    return rows;
  }

  /** The total of a numeric column (NULL counts as 0: a global aggregate of no rows is one NULL row). */
  public double sum(String column) {
    int i = schema.fieldIndex(column);
    return rows.stream().filter(r -> !r.isNullAt(i)).mapToDouble(r -> ((Number) r.get(i)).doubleValue()).sum();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The rows whose {@code column} is not {@code value}. */
  public CountTable without(String column, Object value) {
    int i = schema.fieldIndex(column);
    return new CountTable(schema, rows.stream().filter(r -> !value.equals(r.get(i))).toList());
  }

  public Dataset<Row> local(SparkSession spark) {
    return spark.createDataFrame(rows, schema);
  }

  /** Sums the {@code sums} columns (as doubles) per distinct value of the {@code keys} columns. */
  public CountTable sumBy(List<String> keys, List<String> sums) {
    Map<List<Object>, double[]> acc = new LinkedHashMap<>();
    for (Row r : rows) {
      List<Object> key = new ArrayList<>();
      keys.forEach(k -> key.add(r.get(schema.fieldIndex(k))));
      double[] a = acc.computeIfAbsent(key, k -> new double[sums.size()]);
      for (int i = 0; i < sums.size(); i++) {
        a[i] += ((Number) r.get(schema.fieldIndex(sums.get(i)))).doubleValue();
      }
    }
    List<StructField> fields = new ArrayList<>();
    keys.forEach(k -> fields.add(schema.apply(k)));
    sums.forEach(s -> fields.add(DataTypes.createStructField(s, DataTypes.DoubleType, false)));
    List<Row> out = new ArrayList<>();
    acc.forEach((key, a) -> {
      Object[] values = new Object[key.size() + a.length];
      for (int i = 0; i < key.size(); i++) {
        values[i] = key.get(i);
      }
      for (int i = 0; i < a.length; i++) {
        values[key.size() + i] = a[i];
      }
      out.add(RowFactory.create(values));
    });
    return new CountTable(DataTypes.createStructType(fields), out);
  }

  /** Weighted count of every level of the categorical covariates, to choose reference levels. */
  public Map<String, Map<String, Double>> levelCounts(String weight, List<Covariate> covariates) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (Covariate c : covariates) {
      if (c.categorical()) {
        Map<String, Double> levels = new java.util.TreeMap<>();
        for (Row r : sumBy(List.of(c.name()), List.of(weight)).rows()) {
          levels.put(r.getString(0), r.getDouble(1));
        }
        out.put(c.name(), levels);
      }
    }
    return out;
  }
}
