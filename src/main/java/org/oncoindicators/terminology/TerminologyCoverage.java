package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which codes an extract used and whether they mapped, per run: a supplier's new spelling shows up
 * here the next morning instead of in a published figure. One row per source × field × code.
 */
public final class TerminologyCoverage {
  private TerminologyCoverage() {}

  /**
   * Registry site codes as delivered (every row read, quarantined ones included), with the cancer
   * group they map to. Needs the columns icd10, icdo3_topography and cancer_group.
   */
  public static Dataset<Row> registrySites(Dataset<Row> registryRows, String runId) {
    Column raw = coalesce(trim(col("icd10")), trim(col("icdo3_topography")));
    Column canonical = coalesce(Icd10Codes.canonical(col("icd10")), Icd10Codes.canonical(col("icdo3_topography")));
    return summarise(registryRows.select(lit("registry").as("source"), lit("site").as("field"),
        coalesce(canonical, upper(raw), lit("(empty)")).as("code"), col(CancerGroups.CANCER_GROUP).as("maps_to"),
        lit(1L).as("n")), runId);
  }

  /**
   * Diagnosis codes on claim lines (split on '|'), mapped when they are well-formed ICD-10 / KCD
   * codes. Claims carry tens of millions of codes but a few thousand distinct spellings: they are
   * counted first and only the distinct spellings are canonicalised.
   */
  public static Dataset<Row> claimDiagnoses(Dataset<Row> claims, String runId) {
    Dataset<Row> codes = claims.filter(col("dx_codes").isNotNull())
        .select(explode(split(col("dx_codes"), "\\|")).as("raw"))
        .groupBy("raw").agg(count(lit(1)).as("n"));
    Column canonical = Icd10Codes.canonical(col("raw"));
    return summarise(codes.select(lit("claims").as("source"), lit("dx_codes").as("field"),
        coalesce(canonical, upper(trim(col("raw")))).as("code"), canonical.as("maps_to"), col("n")), runId);
  }

  /** @param coded (source, field, code, maps_to, n): n rows carried each spelling */
  private static Dataset<Row> summarise(Dataset<Row> coded, String runId) {
    return coded.groupBy("source", "field", "code")
        .agg(first(col("maps_to"), true).as("maps_to"), sum(col("n")).as("rows"))
        .select(lit(runId).as("run_id"), col("source"), col("field"), col("code"), col("maps_to").isNotNull().as("mapped"),
            col("maps_to"), col("rows"));
  }
}
