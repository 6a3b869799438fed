package org.oncoindicators.publish;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * One additive margin of a published table: the row whose {@code column} holds {@code total} is the
 * sum of the rows that differ from it only in that column and belong to the same {@code family}
 * (e.g. the national {@code ALL} row is the sum of the centres' rows; the stratum {@code all} row
 * is the sum of {@code sex=F} and {@code sex=M}, and separately of the age groups). A suppressed
 * cell that is the only unknown of such a sum could be recovered by subtraction.
 *
 * @param family the family a component row belongs to (NULL: not a component of this margin)
 */
public record Margin(String name, String column, String total, Column family) {

  /** Every other value of the column is a component of the one total (e.g. centres and {@code ALL}). */
  public static Margin simple(String column, String total) {
    return new Margin(column, column, total, lit(""));
  }

  /** Only the listed values are components (e.g. the non-capital regions of {@code ALL_NON_CAPITAL}). */
  public static Margin of(String column, String total, List<String> components) {
    return new Margin(column, column, total,
        when(functions.col(column).isin(components.toArray()), lit("")).otherwise(lit(null).cast("string")));
  }

  /** {@code name=value} strata: one family per name, each adding up to the {@code total} stratum. */
  public static Margin strata(String column, String total) {
    return new Margin(column, column, total, substring_index(functions.col(column), "=", 1));
  }
}
