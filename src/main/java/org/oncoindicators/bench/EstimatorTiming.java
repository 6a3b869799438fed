package org.oncoindicators.bench;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.cohort.TumourCohort;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.survival.SurvivalStage;
import org.oncoindicators.tables.TableId;

/**
 * The survival estimators alone, timed on the scope R is timed on: national, per cancer group,
 * cohort approach, stratum {@code all} plus the age groups the age-standardised estimate needs;
 * read from silver.tumours, computed (Kaplan–Meier, Ederer II, Pohar-Perme, age-standardised,
 * horizons and curves) and brought to the driver, with no Delta write. Beside R's fitting time
 * this gives a like-for-like ratio; the survival stage's wall time (every centre, stratum and
 * approach, and the writes) gives the other.
 */
public final class EstimatorTiming {
  /**
   * How many times the bench times the estimators in its JVM: the first run also compiles the
   * query's generated code and warms the JIT (a nightly job's single run); the median of the runs
   * is the steady cost. Both are reported beside R's single run.
   */
  public static final int RUNS = 3;

  /** Seconds taken, and the horizon and curve rows computed (so the work cannot be skipped). */
  public record Result(double seconds, long horizonRows, long curveRows) {}

  /** The median of the runs' seconds (the middle one, or the mean of the middle two). */
  public static double medianSeconds(List<Result> runs) {
    double[] s = runs.stream().mapToDouble(Result::seconds).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private EstimatorTiming() {}

  public static Result run(StageContext ctx) {
    PipelineConfig config = ctx.config();
    PipelineConfig.Survival s = config.survival();
    PipelineConfig.Survival scope = new PipelineConfig.Survival(s.horizonsYears(), s.confType(), s.confLevel(),
        List.of(), List.of("cohort"), s.periodYears(), s.curveStepDays(), s.icssDefault(), s.icssByGroup());
    long start = System.nanoTime();
    Dataset<Row> national = SurvivalStage.levels(ctx.warehouse().read(TableId.SILVER_TUMOURS)
        .filter(col(TumourCohort.SURVIVAL_ELIGIBLE)), List.of(), false);
    SurvivalStage.Estimates estimates = SurvivalStage.estimate(national, scope, config.closingDate(),
        config.daysPerYear(), Optional.of(SurvivalStage.hazards(ctx)), SurvivalStage.icssWeights(ctx));
    long horizonRows = estimates.rows("timing").collectAsList().size();
    long curveRows = estimates.curves("timing").count();
    double seconds = (System.nanoTime() - start) / 1e9;
    estimates.release();
    return new Result(seconds, horizonRows, curveRows);
  }
}
