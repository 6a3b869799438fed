package org.oncoindicators.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.oncoindicators.cohort.TumourCohort;
import org.oncoindicators.riskadjust.CaseMixCovariates;
import org.oncoindicators.riskadjust.LogisticCaseMix;
import org.oncoindicators.riskadjust.PiecewiseExponential;
import org.oncoindicators.spark.Seqs;

/**
 * The units of an indicator, from silver tables: the analysed tumours (first primaries, no
 * DCO/autopsy) of its cancer groups, joined to their first major resection or first treatment
 * when the population needs it, with the unit's centre, index date, case-mix covariates, period
 * and outcome. Units whose outcome window is not yet closed at the closing date are left out.
 */
public final class Populations {
  public static final String INDEX_DATE = "index_date";
  public static final String DAYS_TO_TREATMENT = "days_to_treatment";
  static final String PATIENT = "patient_id";

  private final Dataset<Row> tumours;
  private final Dataset<Row> resections;
  private final Dataset<Row> carePaths;
  private final LocalDate closingDate;

  /**
   * @param tumours silver tumours
   * @param episodes silver treatment episodes (NULL without claims)
   * @param carePaths silver care paths (NULL without claims)
   */
  public Populations(Dataset<Row> tumours, Dataset<Row> episodes, Dataset<Row> carePaths, LocalDate closingDate) {
    this.tumours = tumours.filter(col(TumourCohort.SURVIVAL_ELIGIBLE));
    this.resections = episodes == null ? null : firstResections(episodes).persist(StorageLevel.MEMORY_AND_DISK());
    this.carePaths = carePaths;
    this.closingDate = closingDate;
  }

  /** Frees the cached claims-based tables. */
  public void release() {
    if (resections != null) {
      resections.unpersist();
    }
    if (carePaths != null) {
      carePaths.unpersist();
    }
  }

  /** Whether the population's claims-based tables are there. */
  public boolean available(IndicatorSpec spec) {
    return !spec.needsClaims() || resections != null;
  }

  /** Per tumour: the first resection (date, billing centre) and the first systemic therapy after it. */
  static Dataset<Row> firstResections(Dataset<Row> episodes) {
    Dataset<Row> first = episodes.filter(col("episode_kind").equalTo("resection")).groupBy("tumor_id")
        .agg(min_by(struct(col("service_date"), col("center_id"), col("procedure_group")), col("service_date")).as("r"))
        .select(col("tumor_id").as("r_tumor"), col("r.service_date").as("resection_date"),
            col("r.center_id").as("resection_center_id"), col("r.procedure_group").as("procedure_group"));
    Dataset<Row> systemic = episodes.filter(col("episode_kind").equalTo("systemic_therapy"))
        .select(col("tumor_id").as("s_tumor"), col("service_date").as("s_date"));
    Dataset<Row> after = first.join(systemic, col("r_tumor").equalTo(col("s_tumor"))
            .and(col("s_date").geq(col("resection_date"))))
        .groupBy("r_tumor").agg(min("s_date").as("first_systemic_after"));
    return first.join(after, Seqs.of("r_tumor"), "left");
  }

  /**
   * The units of {@code spec}: center_id, period, the covariates, event (0/1) and for survival
   * time_days; plus cancer_group, index_date, days_to_treatment and residence_region.
   */
  public Dataset<Row> units(IndicatorSpec spec) {
    Dataset<Row> base = tumours.filter(col("cancer_group").isin(spec.cancerGroups().toArray()));
    Dataset<Row> withIndex = switch (spec.population()) {
      case DIAGNOSED -> base.withColumn(INDEX_DATE, col("diagnosis_date"));
      case RESECTED -> base.join(resections, col("tumor_id").equalTo(col("r_tumor"))).drop("r_tumor")
          .withColumn("registry_center_id", col("center_id"))
          .withColumn("center_id", col("resection_center_id"))
          .withColumn(INDEX_DATE, col("resection_date"));
      case TREATED -> base.join(carePaths.select(col("tumor_id").as("p_tumor"), col("first_treatment_date"),
              col("days_diagnosis_to_treatment").as(DAYS_TO_TREATMENT)),
              col("tumor_id").equalTo(col("p_tumor"))).drop("p_tumor")
          .filter(col("first_treatment_date").isNotNull())
          .withColumn(INDEX_DATE, col("diagnosis_date"));
    };
    Dataset<Row> filtered = spec.filter() == null ? withIndex : withIndex.filter(expr(spec.filter()));
    if (spec.withinDays() != null) {
      filtered = filtered.filter(date_add(col(INDEX_DATE), spec.withinDays()).leq(lit(closingDate)));
    }
    int closingYear = closingDate.getYear();
    return filtered.select(col("center_id").as(LogisticCaseMix.CENTER), col("cancer_group"), col(INDEX_DATE),
        spec.perYear() ? year(col(INDEX_DATE)).cast("string").as(LogisticCaseMix.PERIOD)
            : lit("all").as(LogisticCaseMix.PERIOD),
        col("age_group").as(CaseMixCovariates.AGE_GROUP), col("sex").as(CaseMixCovariates.SEX),
        col("stage").as(CaseMixCovariates.STAGE),
        CaseMixCovariates.charlsonGroup(col("charlson_index")).as(CaseMixCovariates.CHARLSON),
        CaseMixCovariates.yearTerm(col("diagnosis_year"), closingYear).as(CaseMixCovariates.DIAGNOSIS_YEAR),
        col(TumourCohort.TIME_DAYS).as(PiecewiseExponential.TIME_DAYS),
        event(spec).as(LogisticCaseMix.EVENT), col(PATIENT), col("residence_region").as(LogisticCaseMix.RESIDENCE),
        spec.population() == IndicatorSpec.Population.TREATED ? col(DAYS_TO_TREATMENT)
            : lit(null).cast("int").as(DAYS_TO_TREATMENT));
  }

  private static Column event(IndicatorSpec spec) {
    if (spec.kind() == IndicatorSpec.Kind.SURVIVAL) {
      return col(TumourCohort.EVENT);
    }
    if (spec.event() == null) {
      return lit(0);
    }
    Column within = switch (spec.event()) {
      case DEATH -> col("vital_status").equalTo("dead")
          .and(datediff(col("last_contact_date"), col(INDEX_DATE)).leq(spec.withinDays()));
      case TREATMENT -> col(DAYS_TO_TREATMENT).leq(spec.withinDays());
      case SYSTEMIC_THERAPY -> datediff(col("first_systemic_after"), col(INDEX_DATE)).leq(spec.withinDays());
    };
    return when(within, lit(1)).otherwise(lit(0));
  }
}
