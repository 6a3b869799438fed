package org.oncoindicators.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.riskadjust.CaseMixCovariates;
import org.oncoindicators.riskadjust.CaseMixModel;
import org.oncoindicators.riskadjust.CentreComparison;
import org.oncoindicators.riskadjust.CentreCounts;
import org.oncoindicators.riskadjust.Comparison;
import org.oncoindicators.riskadjust.ComparisonSettings;
import org.oncoindicators.riskadjust.Covariate;
import org.oncoindicators.riskadjust.FunnelLimits;
import org.oncoindicators.riskadjust.LogisticCaseMix;
import org.oncoindicators.riskadjust.ModelQuality;
import org.oncoindicators.riskadjust.PiecewiseExponential;
import org.oncoindicators.riskadjust.RateScale;

/**
 * Evaluates one indicator on its units: the case-mix model, each centre's counts and comparison,
 * into rows of {@code gold.indicators} and {@code gold.model_fit}. Pure on DataFrames: tests call
 * it with hand-made units.
 */
public final class IndicatorEvaluation {
  /** The rows one indicator contributes to each table; empty when it has no units. */
  public record Result(List<Row> indicators, List<Row> modelFit, List<Row> cells) {
    static final Result EMPTY = new Result(List.of(), List.of(), List.of());
  }

  private final PipelineConfig.Indicators settings;
  private final double daysPerYear;
  private final String runId;

  public IndicatorEvaluation(PipelineConfig.Indicators settings, double daysPerYear, String runId) {
    this.settings = settings;
    this.daysPerYear = daysPerYear;
    this.runId = runId;
  }

  /** @param units the indicator's units as {@link Populations#units} builds them */
  public Result evaluate(IndicatorSpec spec, Dataset<Row> units) {
    return switch (spec.kind()) {
      case VOLUME -> volume(spec, units);
      case PROPORTION -> proportion(spec, units);
      case SURVIVAL -> survival(spec, units);
    };
  }

  private ComparisonSettings comparison(IndicatorSpec spec) {
    return comparisonSettings(settings, spec);
  }

  /** How units of {@code spec} are compared with the nation (limits, dispersion, its min-n). */
  public static ComparisonSettings comparisonSettings(PipelineConfig.Indicators settings, IndicatorSpec spec) {
    return new ComparisonSettings(settings.confLevel(), settings.innerLimit(), settings.outerLimit(), settings.winsor(),
        settings.dispersionTestLevel(), settings.minCentresForDispersion(), spec.minN());
  }

  private static List<Covariate> covariates(IndicatorSpec spec) {
    return spec.covariates().stream().map(CaseMixCovariates::covariate).toList();
  }

  private Result proportion(IndicatorSpec spec, Dataset<Row> units) {
    LogisticCaseMix.Output out = LogisticCaseMix.run(units, covariates(spec), settings.minEventsPerParameter());
    if (out.centres().isEmpty()) {
      return Result.EMPTY;
    }
    Map<String, Double> medians = spec.event() == IndicatorSpec.Event.TREATMENT ? medianDays(units) : Map.of();
    List<Row> rows = new ArrayList<>();
    CentreComparison comparison = new CentreComparison(FunnelLimits.Basis.BINOMIAL, comparison(spec));
    out.nation().forEach((period, nation) -> {
      RateScale scale = RateScale.proportion(nation.crudeRate());
      for (Comparison c : comparison.compare(inPeriod(out.centres(), period), nation, scale)) {
        rows.add(IndicatorTable.row(spec, c, new IndicatorTable.Extras(nation.crudeRate(), "binomial", null,
            medians.get(c.counts().centerId() + "|" + period)), runId));
      }
    });
    return new Result(rows, modelRows(spec, out.fitted(), out.quality(), out.nation().values()),
        IndicatorCellTable.rows(spec, out.cells(), runId));
  }

  private Result survival(IndicatorSpec spec, Dataset<Row> units) {
    PiecewiseExponential.Output out = PiecewiseExponential.run(units, spec.intervalCuts(), daysPerYear,
        covariates(spec), settings.minEventsPerParameter());
    if (out.centres().isEmpty()) {
      return Result.EMPTY;
    }
    List<Row> rows = new ArrayList<>();
    CentreComparison comparison = new CentreComparison(FunnelLimits.Basis.POISSON, comparison(spec));
    out.nation().forEach((period, nation) -> {
      Double reference = out.referenceSurvival().get(period);
      RateScale scale = RateScale.cumulativeMortality(reference == null ? Double.NaN : reference);
      for (Comparison c : comparison.compare(inPeriod(out.centres(), period), nation, scale)) {
        rows.add(IndicatorTable.row(spec, c, new IndicatorTable.Extras(scale.nationalRate(), "poisson", reference, null),
            runId));
      }
    });
    return new Result(rows, modelRows(spec, out.fitted(), out.quality(), out.nation().values()),
        IndicatorCellTable.rows(spec, out.cells(), runId));
  }

  private Result volume(IndicatorSpec spec, Dataset<Row> units) {
    List<Row> rows = new ArrayList<>();
    Map<String, long[]> nation = new java.util.TreeMap<>();
    for (Row r : units.groupBy(LogisticCaseMix.CENTER, LogisticCaseMix.PERIOD)
        .agg(countDistinct(Populations.PATIENT), count(lit(1))).orderBy(LogisticCaseMix.CENTER, LogisticCaseMix.PERIOD)
        .collectAsList()) {
      rows.add(IndicatorTable.volumeRow(spec, r.getString(0), r.getString(1), r.getLong(2), r.getLong(3), runId));
      long[] n = nation.computeIfAbsent(r.getString(1), p -> new long[2]);
      n[0] += r.getLong(2);
      n[1] += r.getLong(3);
    }
    nation.forEach((period, n) -> rows.add(IndicatorTable.volumeRow(spec, "ALL", period, n[0], n[1], runId)));
    return new Result(rows, List.of(), List.of());
  }

  private static List<CentreCounts> inPeriod(List<CentreCounts> centres, String period) {
    return centres.stream().filter(c -> c.period().equals(period)).toList();
  }

  /** Median days from diagnosis to first treatment per centre and nationally ("centre|period" keys). */
  private static Map<String, Double> medianDays(Dataset<Row> units) {
    Map<String, Double> out = new HashMap<>();
    Dataset<Row> all = units.withColumn(LogisticCaseMix.CENTER, lit("ALL"));
    for (Row r : units.unionByName(all).groupBy(LogisticCaseMix.CENTER, LogisticCaseMix.PERIOD)
        .agg(median(col(Populations.DAYS_TO_TREATMENT))).collectAsList()) {
      out.put(r.getString(0) + "|" + r.getString(1), r.isNullAt(2) ? null : r.getDouble(2));
    }
    return out;
  }

  private List<Row> modelRows(IndicatorSpec spec, CaseMixModel.Fitted fitted, ModelQuality quality,
                              java.util.Collection<CentreCounts> nation) {
    long n = nation.stream().mapToLong(CentreCounts::n).sum();
    double events = nation.stream().mapToLong(CentreCounts::observed).sum();
    return ModelFitTable.rows(spec, fitted, quality, n, events, runId);
  }
}
