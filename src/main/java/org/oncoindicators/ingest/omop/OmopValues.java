package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/** Reading OMOP values without vocabulary tables: dates, ids, and the few concept ids every CDM fixes. */
final class OmopValues {
  /** Visit concepts (OMOP "Visit" domain) and the claims setting each is billed as. */
  static final String INPATIENT_VISITS = "9201,262,8717";
  static final String OUTPATIENT_VISITS = "9202,9203,581477,8756";
  static final String PHARMACY_VISITS = "581458";
  /** Condition status concepts that mark the principal diagnosis of a visit. */
  static final String PRINCIPAL_STATUS = "32902,32901,32903";
  static final String ATC_SHAPE = "^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$";
  /** ICD-9-CM volume 3 procedure codes written with their dot ({@code 43.7}, {@code 45.76}); no other system looks like this. */
  static final String ICD9CM_PROCEDURE_SHAPE = "^[0-9]{2}\\.[0-9]{1,2}$";

  private OmopValues() {}

  /** A date from ISO ({@code 2019-03-04}, with or without time) or compact ({@code 20190304}) text; null when neither. */
  static Column date(Column text) {
    return coalesce(
        when(text.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}"), call_function("try_to_date", substring(text, 1, 10), lit("yyyy-MM-dd"))),
        when(text.rlike("^[0-9]{8}$"), call_function("try_to_date", text, lit("yyyyMMdd"))));
  }

  /** The date as {@code YYYY-MM-DD}, or the value as delivered when it is no date (so the row rules quarantine it). */
  static Column dateText(Column text) {
    return coalesce(date_format(date(text), "yyyy-MM-dd"), text);
  }

  /** A whole number, null when the text is not one ({@code 1950} and {@code 1950.0} both read 1950). */
  static Column whole(Column text) {
    Column d = text.try_cast(DataTypes.DoubleType);
    return when(d.equalTo(d.try_cast(DataTypes.LongType)), d.try_cast(DataTypes.LongType));
  }

  /** Date of birth from year, month and day; a missing month reads 1 July, a missing day the 1st. */
  static Column birthDate(Column year, Column month, Column day) {
    Column m = whole(month);
    Column text = format_string("%04d-%02d-%02d", whole(year), coalesce(m, lit(7L)),
        when(m.isNull(), lit(1L)).otherwise(coalesce(whole(day), lit(1L))));
    return when(whole(year).isNotNull(), call_function("try_to_date", text, lit("yyyy-MM-dd")));
  }

  /** {@code M} / {@code F} from the gender concept (8507, 8532), else the source value as delivered for the rules to judge. */
  static Column sex(Column conceptId, Column sourceValue) {
    Column source = upper(sourceValue);
    return when(conceptId.equalTo("8507"), lit("M")).when(conceptId.equalTo("8532"), lit("F"))
        .when(source.isin("MALE"), lit("M")).when(source.isin("FEMALE"), lit("F")).otherwise(source);
  }

  /** The claims setting of a visit: by visit concept, else by a source value such as {@code I}, {@code O}, {@code E}. */
  static Column setting(Column visitConceptId, Column visitSourceValue) {
    Column source = lower(visitSourceValue);
    return when(visitConceptId.isin((Object[]) INPATIENT_VISITS.split(",")), lit("inpatient"))
        .when(visitConceptId.isin((Object[]) OUTPATIENT_VISITS.split(",")), lit("outpatient"))
        .when(visitConceptId.isin((Object[]) PHARMACY_VISITS.split(",")), lit("pharmacy"))
        .when(source.isin("i", "ip", "inpatient", "입원"), lit("inpatient"))
        .when(source.isin("o", "op", "outpatient", "외래", "e", "er", "emergency", "응급"), lit("outpatient"));
  }

  /** Whether a condition row is its visit's principal diagnosis (by status concept or a source value such as {@code primary}). */
  static Column principal(Column statusConceptId, Column statusSourceValue) {
    return coalesce(statusConceptId.isin((Object[]) PRINCIPAL_STATUS.split(","))
        .or(lower(statusSourceValue).isin("primary", "principal", "main", "p", "주상병")), lit(false));
  }

  /** The coding system of a procedure or drug source value: by shape where it is unambiguous, else the configured default. */
  static Column system(Column code, String defaultSystem) {
    Column c = upper(code);
    return when(code.isNull(), lit(null).cast(DataTypes.StringType))
        .when(c.rlike(ATC_SHAPE), lit("ATC"))
        .when(c.rlike(ICD9CM_PROCEDURE_SHAPE), lit("ICD-9-CM"))
        .otherwise(lit(defaultSystem));
  }

  /** A claim id from the table's one-letter prefix and the row id ({@code V123}, {@code P456}, {@code D789}). */
  static Column claimId(String prefix, Column rowId) {
    return concat(lit(prefix), rowId);
  }
}
