package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Follow-up per person: the earliest {@code death} row (date as delivered, cause), and the last date
 * the person was known alive — the latest observation-period end, visit (end, else start), condition,
 * procedure or drug-exposure start.
 */
final class OmopFollowUp {
  static final String PERSON_ID = "follow_person_id";
  static final String DEATH_DATE = "death_date_text";
  static final String CAUSE = "death_cause";
  static final String DEATH_ROW = "death_row";
  static final String LAST_SEEN = "last_seen_date";

  private OmopFollowUp() {}

  /** One row per person with a {@code death} row: the earliest by date (an undated row only when no other). */
  static Dataset<Row> deaths(OmopTable death) {
    Column order = coalesce(OmopValues.date(col("death_date")), to_date(lit("9999-12-31")));
    Column earliest = min_by(struct(OmopValues.dateText(col("death_date")).as("date"), col("cause_source_value").as("cause"),
        col(OmopTable.ROW).as("row")), order);
    return death.rows().groupBy(col("person_id").as(PERSON_ID)).agg(earliest.as("d"))
        .select(col(PERSON_ID), col("d.date").as(DEATH_DATE), col("d.cause").as(CAUSE), col("d.row").as(DEATH_ROW));
  }

  /** One row per person: the latest date any table shows the person in contact with care. */
  static Dataset<Row> lastSeen(OmopTable observationPeriod, OmopTable visit, OmopTable condition, OmopTable procedure,
                               Optional<OmopTable> drug) {
    List<Dataset<Row>> dates = new ArrayList<>(List.of(
        seen(observationPeriod, col("observation_period_end_date")),
        seen(visit, coalesce(OmopValues.date(col("visit_end_date")), OmopValues.date(col("visit_start_date")))),
        seen(condition, col("condition_start_date")),
        seen(procedure, col("procedure_date"))));
    drug.ifPresent(d -> dates.add(seen(d, col("drug_exposure_start_date"))));
    return dates.stream().reduce(Dataset::union).orElseThrow()
        .groupBy(col(PERSON_ID)).agg(max(col("seen")).as(LAST_SEEN));
  }

  private static Dataset<Row> seen(OmopTable table, Column date) {
    return table.rows().select(col("person_id").as(PERSON_ID), OmopValues.date(date.cast("string")).as("seen"));
  }
}
