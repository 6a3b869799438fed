package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/** Parsing of raw extract strings into typed values; an unparseable value becomes null, never an exception. */
final class Values {
  private Values() {}

  static Column text(Column raw) {
    return trim(raw);
  }

  /** A strict ISO date (YYYY-MM-DD), null when malformed or impossible (2019-13-45, 2019-02-30). */
  static Column date(Column raw) {
    Column t = trim(raw);
    return when(t.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), call_function("try_to_date", t, lit("yyyy-MM-dd")));
  }

  static Column number(Column raw) {
    return trim(raw).try_cast(DataTypes.DoubleType);
  }

  static Column integer(Column raw) {
    Column n = number(raw);
    return when(n.equalTo(n.cast(DataTypes.IntegerType)), n.cast(DataTypes.IntegerType));
  }

  /** M / F, accepting the registry codes 1 = M and 2 = F. */
  static Column sex(Column raw) {
    Column t = upper(trim(raw));
    return when(t.isin("M", "1"), lit("M")).when(t.isin("F", "2"), lit("F"));
  }

  static Column code(Column raw, String... allowed) {
    Column t = lower(trim(raw));
    return when(t.isin((Object[]) allowed), t);
  }

  /** A raw value was given but did not parse. */
  static Column unparsed(Column raw, Column parsed) {
    return raw.isNotNull().and(parsed.isNull());
  }
}
