package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.terminology.CancerGroups;
import org.oncoindicators.terminology.TumourTerminology;

/**
 * Row rules of the registry extract (docs/extracts.md): dates, age, sex, centre, site, the
 * site–morphology combination and behaviour.
 */
public final class RegistryRules implements SourceRules {
  private final LocalDate closingDate;
  private final TumourTerminology terminology;

  public RegistryRules(LocalDate closingDate, TumourTerminology terminology) {
    this.closingDate = closingDate;
    this.terminology = terminology;
  }

  /**
   * Adds what the rules look up: whether the centre is known, the tumour's cancer group and
   * whether its site and morphology can go together.
   */
  public Dataset<Row> prepare(Dataset<Row> raw, Dataset<Row> centers) {
    return terminology.decode(KnownCenters.flag(raw, centers), "icd10", "icdo3_topography", "icdo3_morphology")
        .drop(TumourTerminology.SITE_CODE, TumourTerminology.SITE_CATEGORY);
  }

  /** DCO and autopsy-only cases: kept in bronze and silver, excluded from survival. */
  public static Column isDcoOrAutopsy(Column basisOfDiagnosis) {
    return coalesce(lower(trim(basisOfDiagnosis)).isin("dco", "autopsy", "death certificate only", "autopsy only"),
        lit(false));
  }

  /** The site codes as delivered and the group they map to, for ops.terminology_coverage. */
  @Override
  public List<String> keptForEveryRow() {
    return List.of("icd10", "icdo3_topography", CancerGroups.CANCER_GROUP);
  }

  @Override
  public SourceContract contract() {
    return SourceContract.REGISTRY;
  }

  @Override
  public Map<String, Column> typedColumns() {
    Map<String, Column> t = new LinkedHashMap<>();
    t.put("tumor_id", Values.text(col("tumor_id")));
    t.put("patient_id", Values.text(col("patient_id")));
    t.put("center_id", Values.text(col("center_id")));
    t.put("sex", Values.sex(col("sex")));
    t.put("age_at_diagnosis", Values.number(col("age_at_diagnosis")));
    t.put("diagnosis_date", Values.date(col("diagnosis_date")));
    t.put("residence_region", upper(Values.text(col("residence_region"))));
    t.put("icd10", Values.text(col("icd10")));
    t.put("icdo3_topography", Values.text(col("icdo3_topography")));
    t.put("icdo3_morphology", Values.text(col("icdo3_morphology")));
    t.put("stage", lower(Values.text(col("stage"))));
    t.put("basis_of_diagnosis", Values.text(col("basis_of_diagnosis")));
    Column vital = lower(trim(col("vital_status")));
    t.put("vital_status", when(vital.isin("alive", "0"), lit("alive")).when(vital.isin("dead", "1"), lit("dead")));
    t.put("last_contact_date", Values.date(col("last_contact_date")));
    t.put("cause_of_death", Values.text(col("cause_of_death")));
    return t;
  }

  @Override
  public List<RowRule> rules() {
    Column behaviour = regexp_extract(col("icdo3_morphology"), "/\\s*([0-9])\\s*$", 1);
    return List.of(
        new RowRule(ReasonCode.MISSING_REQUIRED,
            col("typed.tumor_id").isNull().or(col("typed.patient_id").isNull()).or(col("typed.center_id").isNull())),
        new RowRule(ReasonCode.INVALID_DATE,
            col("typed.diagnosis_date").isNull().or(col("typed.last_contact_date").isNull())),
        new RowRule(ReasonCode.INVALID_SEX, col("typed.sex").isNull()),
        new RowRule(ReasonCode.INVALID_AGE, col("typed.age_at_diagnosis").isNull()
            .or(col("typed.age_at_diagnosis").lt(0)).or(col("typed.age_at_diagnosis").gt(120))),
        new RowRule(ReasonCode.INVALID_VITAL_STATUS, col("typed.vital_status").isNull()),
        new RowRule(ReasonCode.FUTURE_DATE, col("typed.diagnosis_date").gt(lit(closingDate))),
        new RowRule(ReasonCode.CONTACT_BEFORE_DIAGNOSIS,
            col("typed.last_contact_date").lt(col("typed.diagnosis_date"))),
        new RowRule(ReasonCode.UNKNOWN_CENTER, col(KnownCenters.CENTER_KNOWN).equalTo(false)),
        new RowRule(ReasonCode.UNMAPPED_SITE, col(CancerGroups.CANCER_GROUP).isNull()),
        new RowRule(ReasonCode.INVALID_SITE_MORPHOLOGY, col(TumourTerminology.SITE_MORPHOLOGY_BROKEN)),
        new RowRule(ReasonCode.NOT_MALIGNANT, behaviour.isin("0", "1", "2")));
  }
}
