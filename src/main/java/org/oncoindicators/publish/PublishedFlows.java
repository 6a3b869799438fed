package org.oncoindicators.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.spark.Seqs;

/**
 * The published patient flows: the residence × treating-region matrix with each residence's total
 * as its own row ({@code treating_region = 'ALL'}, n = residents), suppressed along all four
 * margins (treating region, residence → {@code ALL_NON_CAPITAL}, cancer group →
 * {@code all_sites}, diagnosis year → {@code all}); then self-sufficiency and capital outflow,
 * which repeat matrix cells, shown only when every cell they are made of is shown. Shares need
 * their residence total: a hidden total hides the shares of its row. The residence × centre
 * detail stays in the warehouse.
 */
final class PublishedFlows {
  private static final List<String> KEYS = List.of("cancer_group", "diagnosis_year", "residence_region",
      "treating_region");
  private static final String MATRIX = "residence_x_region";

  private PublishedFlows() {}

  static Dataset<Row> build(Dataset<Row> flows, SmallCellSuppression suppression, List<String> nonCapital) {
    Dataset<Row> cells = flows.filter(col("measure").equalTo(MATRIX));
    Dataset<Row> totals = cells.groupBy("cancer_group", "diagnosis_year", "residence_region", "run_id")
        .agg(max("denominator").as("n"))
        .select(lit(MATRIX).as("measure"), col("cancer_group"), col("diagnosis_year"), col("residence_region"),
            lit("ALL").as("treating_region"), lit(null).cast("string").as("center_id"), col("n"),
            col("n").as("denominator"), lit(1.0).as("share"), lit(1.0).as("ci_lower"), lit(1.0).as("ci_upper"),
            col("run_id"));
    Dataset<Row> matrix = suppression.apply(cells.unionByName(totals), KEYS, "n", null, List.of(
        Margin.simple("treating_region", "ALL"), Margin.of("residence_region", "ALL_NON_CAPITAL", nonCapital),
        Margin.simple("cancer_group", "all_sites"), Margin.simple("diagnosis_year", "all"))).localCheckpoint();
    Dataset<Row> rowTotals = matrix.filter(col("treating_region").equalTo("ALL"))
        .select(col("cancer_group"), col("diagnosis_year"), col("residence_region"),
            col(SmallCellSuppression.COLUMN).isNotNull().as("_total_hidden"));
    Dataset<Row> hiddenCells = matrix.filter(col(SmallCellSuppression.COLUMN).isNotNull()
        .and(col("treating_region").notEqual("ALL")));
    Dataset<Row> derived = flows.filter(col("measure").isin("self_sufficiency", "capital_outflow"));
    // a derived row is hidden when a matrix cell it sums is hidden: the home region for self-sufficiency,
    // any capital-area region for the outflow (the capital regions are those outside nonCapital)
    Column partOf = when(col("d.measure").equalTo("self_sufficiency"),
        col("h.treating_region").equalTo(col("d.residence_region")))
        .otherwise(col("h.treating_region").isin(nonCapital.toArray()).unary_$bang());
    Dataset<Row> derivedHidden = derived.as("d").join(hiddenCells.as("h"), col("d.cancer_group")
            .equalTo(col("h.cancer_group")).and(col("d.diagnosis_year").equalTo(col("h.diagnosis_year")))
            .and(col("d.residence_region").equalTo(col("h.residence_region"))).and(partOf))
        .select(col("d.measure"), col("d.cancer_group"), col("d.diagnosis_year"), col("d.residence_region"))
        .distinct().withColumn("_part_hidden", lit(true));
    Dataset<Row> derivedOut = derived.join(derivedHidden, Seqs.of("measure", "cancer_group", "diagnosis_year",
            "residence_region"), "left")
        .withColumn(SmallCellSuppression.COLUMN, when(col("_part_hidden"), lit("complementary"))
            .when(col("n").lt(suppression.rule().minPatients()), lit("primary")))
        .drop("_part_hidden");
    Dataset<Row> all = matrix.unionByName(derivedOut)
        .join(rowTotals, Seqs.of("cancer_group", "diagnosis_year", "residence_region"), "left");
    Column shareHidden = col(SmallCellSuppression.COLUMN).isNotNull().or(col("_total_hidden").equalTo(true));
    Dataset<Row> shown = all
        .withColumn("share", when(shareHidden, lit(null).cast("double")).otherwise(col("share")))
        .withColumn("ci_lower", when(shareHidden, lit(null).cast("double")).otherwise(col("ci_lower")))
        .withColumn("ci_upper", when(shareHidden, lit(null).cast("double")).otherwise(col("ci_upper")))
        .withColumn("denominator", when(col("_total_hidden").equalTo(true), lit(null).cast("long"))
            .otherwise(col("denominator")))
        .drop("_total_hidden", "center_id");
    return PublishedTables.hide(shown, List.of("measure", "cancer_group", "diagnosis_year", "residence_region",
        "treating_region", "denominator", "share", "ci_lower", "ci_upper"), "run_id");
  }
}
