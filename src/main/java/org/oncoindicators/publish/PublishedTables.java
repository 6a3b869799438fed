package org.oncoindicators.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.spark.Seqs;

/**
 * The tables of a publication, suppressed: {@code indicators}, {@code survival},
 * {@code patient_flows} and {@code specialisation} of one run. Survival indicators and
 * {@code gold.survival} count the same patients and deaths (a centre's cohort {@code all} row at
 * the same horizon), so their suppression is settled together until neither hides a cell the
 * other shows; specialisation rows repeat survival indicator cells and follow them. Hidden cells
 * keep their keys and lose every value, with {@code status = 'suppressed'} and the reason in
 * {@link SmallCellSuppression#COLUMN}.
 */
public final class PublishedTables {
  /** The published tables in their fixed order (file names without extension). */
  public static final List<String> NAMES = List.of("indicators", "survival", "patient_flows", "specialisation");

  static final List<String> SURVIVAL_CELL = List.of("center_id", "cancer_group", "stratum", "approach", "horizon_years");
  static final List<String> INDICATOR_KEYS = List.of("center_id", "indicator_id", "stratum", "period");
  private static final String ALIAS = "_survival_cell";

  private final SmallCellSuppression suppression;

  public PublishedTables(SuppressionRule rule) {
    this.suppression = new SmallCellSuppression(rule);
  }

  /** The gold tables of one run as read for the publication. */
  public record Inputs(Dataset<Row> indicators, Dataset<Row> survival, Dataset<Row> patientFlows,
                       Dataset<Row> specialisation, List<String> nonCapitalRegions) {}

  public Map<String, Dataset<Row>> build(Inputs in) {
    Dataset<Row> survivalCells = in.survival().groupBy(SURVIVAL_CELL.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(max("n_patients").as("n_patients"), max("n_events").as("n_events"));
    List<Margin> survivalMargins = List.of(Margin.simple("center_id", "ALL"), Margin.strata("stratum", "all"));
    Dataset<Row> indicators = in.indicators().withColumn(ALIAS, survivalAlias());
    Dataset<Row> hiddenSurvival = suppression.apply(survivalCells, SURVIVAL_CELL, "n_patients", "n_events",
        survivalMargins);
    Dataset<Row> hiddenIndicators;
    while (true) {
      Dataset<Row> forced = hiddenSurvival.filter(col(SmallCellSuppression.COLUMN).isNotNull())
          .select(cellId(SURVIVAL_CELL).as(ALIAS), col(SmallCellSuppression.COLUMN));
      hiddenIndicators = suppression.apply(indicators.join(forced, Seqs.of(ALIAS), "left"), INDICATOR_KEYS, "n",
          "observed", List.of(Margin.simple("center_id", "ALL"))).localCheckpoint();
      Dataset<Row> newlyHidden = hiddenIndicators.filter(col(SmallCellSuppression.COLUMN).isNotNull()
              .and(col(ALIAS).isNotNull()))
          .select(col(ALIAS)).distinct()
          .join(hiddenSurvival.filter(col(SmallCellSuppression.COLUMN).isNull()).withColumn(ALIAS, cellId(SURVIVAL_CELL)),
              ALIAS);
      if (newlyHidden.isEmpty()) {
        break;
      }
      Dataset<Row> forcedSurvival = newlyHidden.select(col(ALIAS), lit("complementary").as("_forced"));
      hiddenSurvival = suppression.apply(hiddenSurvival.withColumn(ALIAS, cellId(SURVIVAL_CELL))
              .join(forcedSurvival, Seqs.of(ALIAS), "left")
              .withColumn(SmallCellSuppression.COLUMN, org.apache.spark.sql.functions.coalesce(
                  col(SmallCellSuppression.COLUMN), col("_forced")))
              .drop("_forced", ALIAS), SURVIVAL_CELL, "n_patients", "n_events", survivalMargins)
          .localCheckpoint();
    }
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put("indicators", hide(hiddenIndicators.drop(ALIAS), INDICATOR_KEYS, "cancer_group", "horizon_years",
        "national_rate", "dispersion", "funnel_basis", "better", "run_id"));
    Dataset<Row> survival = in.survival().join(hiddenSurvival.select(col("center_id"), col("cancer_group"),
        col("stratum"), col("approach"), col("horizon_years"), col(SmallCellSuppression.COLUMN)),
        Seqs.of(SURVIVAL_CELL));
    List<String> survivalKeys = new ArrayList<>(SURVIVAL_CELL);
    survivalKeys.add("estimator");
    out.put("survival", hide(survival, survivalKeys, "run_id"));
    out.put("patient_flows", PublishedFlows.build(in.patientFlows(), suppression, in.nonCapitalRegions()));
    Dataset<Row> specialisation = in.specialisation().join(hiddenIndicators
        .select(col("center_id"), col("indicator_id"), col(SmallCellSuppression.COLUMN)), Seqs.of("center_id",
            "indicator_id"), "left");
    out.put("specialisation", hide(specialisation.drop("volume_share"), List.of("center_id", "cancer_group",
        "indicator_id"), "national_rate", "national_net_survival", "national_net_survival_agestd", "horizon_years",
        "better", "run_id"));
    return out;
  }

  /** The survival cell a survival indicator row counts (e.g. {@code survival_5y_stomach} → cohort, all, 5). */
  private static Column survivalAlias() {
    Column isSurvival = col("indicator_id").startsWith("survival_").and(col("horizon_years").isNotNull());
    return when(isSurvival, concat(col("center_id"), lit("\u0001"), col("cancer_group"), lit("\u0001all\u0001cohort\u0001"),
        col("horizon_years").cast("string")));
  }

  private static Column cellId(List<String> keys) {
    List<Column> parts = new ArrayList<>();
    for (String k : keys) {
      if (!parts.isEmpty()) {
        parts.add(lit("\u0001"));
      }
      parts.add(col(k).cast("string"));
    }
    return concat(parts.toArray(Column[]::new));
  }

  /**
   * Blanks every column of hidden rows but the keys and the columns that {@code keep} (national or
   * descriptive values), and sets {@code status}; column order as in the table, suppression last.
   */
  static Dataset<Row> hide(Dataset<Row> table, List<String> keys, String... keep) {
    List<String> kept = new ArrayList<>(keys);
    kept.addAll(Arrays.asList(keep));
    Column hidden = col(SmallCellSuppression.COLUMN).isNotNull();
    List<Column> columns = new ArrayList<>();
    for (String c : table.columns()) {
      if (c.equals(SmallCellSuppression.COLUMN)) {
        continue;
      }
      if (c.equals("status")) {
        columns.add(when(hidden, lit("suppressed")).otherwise(col(c)).as(c));
      } else if (kept.contains(c)) {
        columns.add(col(c));
      } else {
        columns.add(when(hidden, lit(null).cast(table.schema().apply(c).dataType())).otherwise(col(c)).as(c));
      }
    }
    columns.add(col(SmallCellSuppression.COLUMN));
    return table.select(columns.toArray(Column[]::new));
  }
}
