package org.oncoindicators.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.oncoindicators.spark.Seqs;

/**
 * Primary and complementary small-cell suppression of one published table (methods.md,
 * Publication). A cell is primarily suppressed when it counts fewer than {@code min-patients}
 * patients or fewer than {@code min-events} events. Then, along every {@link Margin}, each sum
 * (a total row and its components) must hide no single unknown: where exactly one of its cells is
 * hidden (counting a gap between the total and its published components, e.g. a centre with no
 * row, as hidden), the published component with the fewest patients is suppressed as well (the
 * total only when no component is left), and this repeats until no sum has a lone unknown. The
 * same rule is what a reader's subtraction attack needs, so a suppressed value cannot be
 * recovered from the totals. Works on the (aggregated) table in Spark, one round per pass.
 */
public final class SmallCellSuppression {
  /** The column added to the table: {@code primary}, {@code complementary} or NULL (published). */
  public static final String COLUMN = "suppressed";
  private static final String CELL = "_cell";
  private static final int MAX_ROUNDS = 100;

  private final SuppressionRule rule;

  public SmallCellSuppression(SuppressionRule rule) {
    this.rule = rule;
  }

  public SuppressionRule rule() {
    return rule;
  }

  /**
   * Adds {@link #COLUMN} to {@code table}, whose rows are identified by {@code keys} and count
   * {@code patients} (and {@code events}, or null when the table has none). A {@link #COLUMN}
   * already in the table marks cells hidden beforehand (e.g. the same cell suppressed in another
   * published table); they stay hidden and count as unknowns.
   */
  public Dataset<Row> apply(Dataset<Row> table, List<String> keys, String patients, String events,
                            List<Margin> margins) {
    Column n = coalesce(col(patients).cast("long"), lit(0L));
    Column e = events == null ? lit(0L) : coalesce(col(events).cast("long"), lit(0L));
    Column primary = col(patients).lt(rule.minPatients());
    if (events != null) {
      primary = primary.or(col(events).lt(rule.minEvents()));
    }
    Column start = when(primary, lit("primary")).otherwise(lit(null).cast("string"));
    if (List.of(table.columns()).contains(COLUMN)) {
      start = coalesce(col(COLUMN), start);
    }
    Dataset<Row> cells = table.withColumn(CELL, id(keys)).withColumn("_n", n).withColumn("_e", e)
        .withColumn(COLUMN, start)
        .localCheckpoint();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Dataset<Row> more = complements(cells, keys, margins).localCheckpoint();
      if (more.isEmpty()) {
        return cells.drop(CELL, "_n", "_e");
      }
      cells = cells.join(more.withColumn("_more", lit(true)), Seqs.of(CELL), "left")
          .withColumn(COLUMN, when(col(COLUMN).isNull().and(col("_more")), lit("complementary")).otherwise(col(COLUMN)))
          .drop("_more").localCheckpoint();
    }
    throw new IllegalStateException("complementary suppression did not settle in " + MAX_ROUNDS + " rounds");
  }

  /** The cells to suppress next: in every sum with exactly one unknown, its smallest published cell. */
  private static Dataset<Row> complements(Dataset<Row> cells, List<String> keys, List<Margin> margins) {
    Dataset<Row> members = null;
    for (Margin m : margins) {
      Dataset<Row> d = memberships(cells, keys, m);
      members = members == null ? d : members.unionByName(d);
    }
    if (members == null) {
      return cells.select(CELL).limit(0);
    }
    Column total = col("_total");
    Dataset<Row> sums = members.groupBy("_group").agg(
        sum(when(not(total), col("_n"))).as("_comp_n"), sum(when(total, col("_n"))).as("_tot_n"),
        sum(when(not(total), col("_e"))).as("_comp_e"), sum(when(total, col("_e"))).as("_tot_e"),
        count(when(col(COLUMN).isNotNull(), lit(1))).as("_hidden"), count(when(total, lit(1))).as("_totals"));
    Column gap = col("_tot_n").notEqual(coalesce(col("_comp_n"), lit(0L)))
        .or(col("_tot_e").notEqual(coalesce(col("_comp_e"), lit(0L))));
    Dataset<Row> lone = sums.filter(col("_totals").gt(0))
        .filter(col("_hidden").plus(when(gap, lit(1)).otherwise(lit(0))).equalTo(1)).select("_group");
    return members.join(lone, "_group").filter(col(COLUMN).isNull())
        .withColumn("_rank", row_number().over(Window.partitionBy("_group")
            .orderBy(col("_total").asc(), col("_n").asc(), col("_e").asc(), col(CELL).asc())))
        .filter(col("_rank").equalTo(1)).select(CELL).distinct();
  }

  /** Each cell's place in the sums of one margin: its group, and whether it is the total. */
  private static Dataset<Row> memberships(Dataset<Row> cells, List<String> keys, Margin m) {
    List<String> others = new ArrayList<>(keys);
    others.remove(m.column());
    Dataset<Row> withOthers = cells.withColumn("_others", id(others)).withColumn("_family", m.family());
    Column isTotal = col(m.column()).equalTo(m.total());
    Dataset<Row> components = withOthers.filter(not(isTotal).and(col("_family").isNotNull()));
    Dataset<Row> families = components.select("_others", "_family").distinct();
    Dataset<Row> totals = withOthers.filter(isTotal).drop("_family").join(families, "_others");
    Column group = concat_ws("\u0002", lit(m.name()), col("_others"), col("_family"));
    return components.withColumn("_total", lit(false)).unionByName(totals.withColumn("_total", lit(true)))
        .select(group.as("_group"), col(CELL), col("_total"), col("_n"), col("_e"), col(COLUMN));
  }

  /** A row's identity from its key columns (NULL kept distinct from every value). */
  private static Column id(List<String> keys) {
    return concat_ws("\u0001", keys.stream().map(k -> coalesce(col(k).cast("string"), lit("\u0000")))
        .toArray(Column[]::new));
  }
}
