package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The claims extract: one line per visit (its conditions as diagnoses, principal first), per
 * procedure and per drug exposure; the centre is the visit's care site, else the person's.
 */
final class OmopClaims {
  private static final String DX_VISIT = "_dx_visit";
  private static final String DX_CODES = "_dx_codes";

  private OmopClaims() {}

  static Dataset<Row> build(Dataset<Row> visits, OmopTable condition, OmopTable procedure, Optional<OmopTable> drug,
                            Dataset<Row> people, String defaultSystem) {
    Dataset<Row> lines = visitLines(visits, condition, people)
        .unionByName(eventLines(procedure, "P", "procedure", visits, people, defaultSystem));
    return drug.map(d -> lines.unionByName(eventLines(d, "D", "drug", visits, people, defaultSystem))).orElse(lines);
  }

  private static Dataset<Row> visitLines(Dataset<Row> visits, OmopTable condition, Dataset<Row> people) {
    Dataset<Row> rows = visits
        .join(diagnoses(condition), col("visit_occurrence_id").equalTo(col(DX_VISIT)), "left")
        .join(people, col("person_id").equalTo(col(OmopPeople.PERSON_ID)), "left");
    Column inpatient = coalesce(col(OmopVisits.SETTING).equalTo("inpatient"), lit(false));
    return line(rows, "visit_occurrence", OmopValues.claimId("V", col("visit_occurrence_id")),
        coalesce(col(OmopVisits.CENTER), col(OmopPeople.HOME_CENTER)), col(OmopVisits.SETTING),
        OmopValues.dateText(col("visit_start_date")),
        when(inpatient, OmopValues.dateText(col("visit_end_date"))), col(DX_CODES), nothing(), nothing());
  }

  /** A procedure or drug line: setting from its visit (outpatient when it has none), pharmacy for drugs. */
  private static Dataset<Row> eventLines(OmopTable events, String prefix, String kind, Dataset<Row> visits,
                                         Dataset<Row> people, String defaultSystem) {
    boolean drug = kind.equals("drug");
    Dataset<Row> rows = events.rows()
        .join(OmopVisits.lookup(visits), col("visit_occurrence_id").equalTo(col(OmopVisits.VISIT_ID)), "left")
        .join(people, col("person_id").equalTo(col(OmopPeople.PERSON_ID)), "left");
    Column code = col(drug ? "drug_source_value" : "procedure_source_value");
    Column setting = drug ? lit("pharmacy")
        : when(col(OmopVisits.VISIT_ID).isNull(), lit("outpatient")).otherwise(col(OmopVisits.SETTING));
    return line(rows, events.table().tableName(), OmopValues.claimId(prefix, col(drug ? "drug_exposure_id" : "procedure_occurrence_id")),
        coalesce(col(OmopVisits.CENTER), col(OmopPeople.HOME_CENTER)), setting,
        OmopValues.dateText(col(drug ? "drug_exposure_start_date" : "procedure_date")), nothing(), nothing(),
        code, OmopValues.system(code, defaultSystem));
  }

  /** Per visit, its condition source values joined by {@code |}: principal diagnoses first, then by row id, each once. */
  private static Dataset<Row> diagnoses(OmopTable condition) {
    Column principal = OmopValues.principal(col("condition_status_concept_id"), col("condition_status_source_value"));
    Column order = struct(not(principal).as("secondary"), OmopValues.whole(col("condition_occurrence_id")).as("id"),
        col("condition_occurrence_id").as("raw_id"), col("condition_source_value").as("code"));
    return condition.rows().filter(col("visit_occurrence_id").isNotNull().and(col("condition_source_value").isNotNull()))
        .groupBy(col("visit_occurrence_id").as(DX_VISIT))
        .agg(array_join(array_distinct(sort_array(collect_list(order)).getField("code")), "|").as(DX_CODES));
  }

  private static Dataset<Row> line(Dataset<Row> rows, String table, Column claimId, Column center, Column setting,
                                   Column serviceDate, Column dischargeDate, Column dxCodes, Column code, Column system) {
    return rows.select(
        col(OmopTable.FILE).as("source_file"),
        ContractRows.rawRecord(col(OmopTable.ROW).as(table)),
        col(OmopTable.MALFORMED).as("malformed"),
        claimId.as("claim_id"),
        col("person_id").as("patient_id"),
        center.as("center_id"),
        setting.as("setting"),
        serviceDate.as("service_date"),
        dischargeDate.as("discharge_date"),
        dxCodes.as("dx_codes"),
        code.as("procedure_code"),
        system.as("procedure_system"),
        nothing().as("amount"));
  }

  private static Column nothing() {
    return lit(null).cast(DataTypes.StringType);
  }
}
