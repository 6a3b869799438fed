package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.upper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Procedure groups (major resections by cancer type, systemic therapy) from the versioned table
 * conf/reference/procedure_groups.csv: a claim's procedure code maps to the longest matching
 * prefix of its code system.
 */
public final class ProcedureGroups {
  private final List<Row> rows;

  private ProcedureGroups(List<Row> rows) {
    this.rows = rows;
  }

  public static ProcedureGroups load(Path file) {
    List<Row> rows = new ArrayList<>();
    ReferenceTable.forEachRecord(file, "procedure groups", r -> {
      String groups = r.getString("cancer_groups");
      rows.add(RowFactory.create(r.getString("procedure_system").toUpperCase(java.util.Locale.ROOT),
          r.getString("code_prefix").replaceAll("[\\s.]", "").toUpperCase(java.util.Locale.ROOT),
          r.getString("procedure_group"), r.getString("kind"),
          groups == null ? List.of() : Arrays.asList(groups.split(";"))));
    });
    return new ProcedureGroups(List.copyOf(rows));
  }

  /**
   * Claim lines that carry a grouped procedure, with {@code procedure_group}, {@code episode_kind}
   * and {@code procedure_cancer_groups} (empty = any cancer group). Other lines are dropped.
   */
  public Dataset<Row> assign(Dataset<Row> claims, SparkSession spark) {
    Dataset<Row> table = broadcast(spark.createDataFrame(rows, DataTypes.createStructType(List.of(
        DataTypes.createStructField("pg_system", DataTypes.StringType, false),
        DataTypes.createStructField("pg_prefix", DataTypes.StringType, false),
        DataTypes.createStructField("procedure_group", DataTypes.StringType, false),
        DataTypes.createStructField("episode_kind", DataTypes.StringType, false),
        DataTypes.createStructField("procedure_cancer_groups",
            DataTypes.createArrayType(DataTypes.StringType), false)))));
    Dataset<Row> candidates = claims.filter(col("procedure_code").isNotNull())
        .withColumn("pg_code", CodePrefixes.compact(col("procedure_code")))
        .filter(CodePrefixes.mayMatch(col("pg_code"), rows.stream().map(r -> r.getString(1)).toList()))
        .withColumn("pg_candidate", CodePrefixes.candidates("pg_code"));
    Dataset<Row> matched = candidates.join(table, upper(col("procedure_system")).equalTo(col("pg_system"))
        .and(col("pg_candidate").equalTo(col("pg_prefix"))));
    return matched.withColumn("pg_rank", row_number().over(Window.partitionBy("claim_id", "record_hash")
            .orderBy(length(col("pg_prefix")).desc())))
        .filter(col("pg_rank").equalTo(1))
        .drop("pg_code", "pg_candidate", "pg_system", "pg_prefix", "pg_rank");
  }
}
