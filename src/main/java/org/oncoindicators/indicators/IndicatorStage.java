package org.oncoindicators.indicators;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.spark.ConcurrentJobs;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.terminology.CancerGroups;

/**
 * Gold risk-adjusted indicators: every indicator of the catalogue evaluated per centre and
 * nationally into {@code gold.indicators}, its case-mix model into {@code gold.model_fit}, and its
 * observed and expected events per centre and residence region into {@code gold.indicator_cells}.
 * Claims-based indicators are skipped (and say so) when the run has no claims. Models are fitted
 * a few at a time, since each is a series of small Spark jobs.
 */
public final class IndicatorStage implements Stage {
  @Override
  public String name() {
    return "indicators";
  }

  @Override
  public List<TableId> inputs() {
    return List.of(TableId.SILVER_TUMOURS, TableId.SILVER_TREATMENT_EPISODES, TableId.SILVER_CARE_PATHS);
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.GOLD_INDICATORS, TableId.GOLD_MODEL_FIT, TableId.GOLD_INDICATOR_CELLS);
  }

  @Override
  public StageResult run(StageContext ctx) {
    PipelineConfig config = ctx.config();
    String runId = ctx.run().runId();
    // Every indicator filters the tumours by cancer group: cached in group order, each such scan
    // skips the cached batches of other groups by their min/max statistics.
    Dataset<Row> tumours = ctx.warehouse().read(TableId.SILVER_TUMOURS)
        .repartitionByRange(col(CancerGroups.CANCER_GROUP)).sortWithinPartitions(CancerGroups.CANCER_GROUP)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> episodes = config.hasClaims() ? ctx.warehouse().read(TableId.SILVER_TREATMENT_EPISODES) : null;
    Dataset<Row> carePaths = config.hasClaims() ? ctx.warehouse().read(TableId.SILVER_CARE_PATHS)
        .persist(StorageLevel.MEMORY_AND_DISK()) : null;
    Populations populations = new Populations(tumours, episodes, carePaths, ctx.run().closingDate());
    List<IndicatorSpec> specs = config.indicators().catalogue().indicators().stream()
        .filter(populations::available).toList();
    int skipped = config.indicators().catalogue().indicators().size() - specs.size();
    if (skipped > 0) {
      Progress.line("indicators no claims: %d claims-based indicators skipped", skipped);
    }
    IndicatorEvaluation evaluation = new IndicatorEvaluation(config.indicators(), config.daysPerYear(), runId);
    List<IndicatorEvaluation.Result> results = evaluateAll(specs, populations, evaluation,
        config.indicators().parallelFits());
    List<Row> indicatorRows = new ArrayList<>();
    List<Row> fitRows = new ArrayList<>();
    List<Row> cellRows = new ArrayList<>();
    results.forEach(r -> {
      indicatorRows.addAll(r.indicators());
      fitRows.addAll(r.modelFit());
      cellRows.addAll(r.cells());
    });
    ctx.warehouse().replaceRun(TableId.GOLD_INDICATORS,
        ctx.spark().createDataFrame(indicatorRows, IndicatorTable.SCHEMA), runId);
    ctx.warehouse().replaceRun(TableId.GOLD_MODEL_FIT, ctx.spark().createDataFrame(fitRows, ModelFitTable.SCHEMA), runId);
    ctx.warehouse().replaceRun(TableId.GOLD_INDICATOR_CELLS,
        ctx.spark().createDataFrame(cellRows, IndicatorCellTable.SCHEMA), runId);
    long tumourRows = tumours.count();
    populations.release();
    tumours.unpersist();
    long flagged = indicatorRows.stream().filter(r -> r.get(IndicatorTable.SCHEMA.fieldIndex("flag")) != null
        && !"as_expected".equals(r.getString(IndicatorTable.SCHEMA.fieldIndex("flag")))).count();
    long evaluated = results.stream().filter(r -> !r.indicators().isEmpty()).count();
    return new StageResult(tumourRows, indicatorRows.size(), 0, String.format(
        "%d indicators with units (%d skipped), %d centre rows flagged higher/lower", evaluated, skipped, flagged));
  }

  private static List<IndicatorEvaluation.Result> evaluateAll(List<IndicatorSpec> specs, Populations populations,
                                                              IndicatorEvaluation evaluation, int threads) {
    return ConcurrentJobs.map(specs, threads, "evaluating indicators", spec -> {
      long t0 = System.nanoTime();
      IndicatorEvaluation.Result r = evaluation.evaluate(spec, units(populations, spec));
      Progress.line("indicators %-40s %4d rows in %.1f s", spec.id(), r.indicators().size(),
          (System.nanoTime() - t0) / 1e9);
      return r;
    });
  }

  /** The indicator's units; a catalogue filter naming a column the population lacks is a configuration error. */
  private static Dataset<Row> units(Populations populations, IndicatorSpec spec) {
    try {
      Dataset<Row> units = populations.units(spec);
      units.schema();
      return units;
    } catch (RuntimeException e) {
      if (spec.filter() != null && e.getClass().getSimpleName().equals("AnalysisException")) {
        throw new ConfigError("indicator " + spec.id() + ": filter \"" + spec.filter() + "\" does not apply to its "
            + "population: " + e.getMessage().lines().findFirst().orElse("") + " (see docs/indicators.md for the columns)");
      }
      throw e;
    }
  }
}
