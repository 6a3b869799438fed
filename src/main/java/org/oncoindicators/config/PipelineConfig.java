package org.oncoindicators.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, typed configuration of one run: read once at start-up by {@link ConfigLoader},
 * passed to every stage, so no stage reads settings ad hoc.
 */
public record PipelineConfig(
    WarehouseLocation warehouse,
    LocalDate runDate,
    LocalDate closingDate,
    double daysPerYear,
    InputPaths inputs,
    Demo demo,
    Ingest ingest,
    Reference reference,
    Survival survival,
    Cohort cohort,
    int followUpToleranceDays,
    Indicators indicators,
    Flows flows,
    Privacy privacy,
    Publication publication,
    SparkSettings spark,
    String configHash) {

  /** Settings of the embedded demo data set. */
  public record Demo(Path out, int patients, int centers, long seed, LocalDate asOf) {}

  /** Row-level limits of ingest, and the OMOP mapping's default procedure system. */
  public record Ingest(int maxFieldLength, Map<String, Double> maxQuarantineShare, String omopProcedureSystem,
                       Map<String, Map<String, String>> columnAliases) {
    public double maxShareFor(String source) {
      return maxQuarantineShare.getOrDefault(source, 0.0);
    }
  }

  /** Paths of the versioned reference tables. */
  public record Reference(Path cancerGroups, Path icssWeights, Path regions, Path charlson, Path procedureGroups,
                          Path morphologyGroups, Path siteMorphology, Path icd9cmGem) {}

  /** Silver cohort settings: comorbidity look-back and weights, the treatment-episode window. */
  public record Cohort(int comorbidityLookbackDays, String charlsonWeights, int treatmentDaysBefore,
                       int treatmentDaysAfter, int carePathDaysBefore, int followUpAfterDays) {}

  /** Survival horizons, strata, approaches and confidence-interval settings. */
  public record Survival(List<Integer> horizonsYears, String confType, double confLevel, List<String> strata,
                         List<String> approaches, int periodYears, double curveStepDays, String icssDefault,
                         Map<String, String> icssByGroup) {}

  /**
   * Risk adjustment and centre comparison: the validated indicator catalogue, the events each
   * case-mix parameter needs, the funnel limits, over-dispersion settings and fit parallelism.
   */
  public record Indicators(org.oncoindicators.indicators.IndicatorCatalogue catalogue, int minEventsPerParameter,
                           double confLevel, double innerLimit, double outerLimit, double winsor,
                           double dispersionTestLevel, int minCentresForDispersion, int parallelFits) {}

  /**
   * Care networks and specialisation: the declared networks (if any), the referrals that tie a
   * referring centre to a network, the indicator centres' cancer groups are ranked on, and the
   * O/E ratio a confidence interval must exclude to tell a centre's volume is enough.
   */
  public record Flows(Optional<Path> declaredNetworks, int minReferrals, String specialisationIndicator,
                      double meaningfulRatio) {}

  /** Deletion on request: how long Delta keeps files of deleted rows before VACUUM removes them. */
  public record Privacy(double retentionHours) {}

  /**
   * The publication set: its folder (empty: {@code publication/} beside a local warehouse, in the
   * working directory for a warehouse on an object store), the
   * small-cell thresholds, the column descriptions, and the survival shown in the report.
   */
  public record Publication(Optional<Path> folder, int minPatients, int minEvents, Path columns,
                            String survivalEstimator, String survivalApproach, int headlineHorizon) {}

  /** Where this run's publication sets go. */
  public Path publicationFolder() {
    return publication.folder().orElse(warehouse.localPath().map(p -> p.resolveSibling("publication"))
        .orElse(Path.of("publication").toAbsolutePath()));
  }

  /**
   * Spark settings used when the job starts its own session: the master (when spark-submit sets
   * none), the shuffle partitions, and further {@code spark.*} settings (e.g. an object store's
   * {@code spark.hadoop.fs.s3a.endpoint}) that spark-submit's own {@code --conf} overrides.
   */
  public record SparkSettings(String master, int shufflePartitions, Map<String, String> conf) {}

  /** The run id: derived from the run date, so a rerun for the same date replaces, never duplicates. */
  public String runId() {
    return runDate.toString();
  }

  /** Whether this run has claims (its own extract or an OMOP export). */
  public boolean hasClaims() {
    return input("claims").isPresent() || input("omop").isPresent();
  }

  public boolean isDemo() {
    return inputs.noneGiven();
  }

  /** The inputs actually read: the named ones, or the demo extracts when none is named. */
  public InputPaths effectiveInputs() {
    return isDemo() ? InputPaths.demo(demo.out()) : inputs;
  }

  /** An extract's location (absolute path or URI), empty when the run has none. */
  public Optional<String> input(String name) {
    InputPaths in = effectiveInputs();
    return switch (name) {
      case "registry" -> in.registry();
      case "claims" -> in.claims();
      case "centers" -> in.centers();
      case "life-table" -> in.lifeTable();
      case "omop" -> in.omop();
      default -> throw new IllegalArgumentException(name);
    };
  }
}
