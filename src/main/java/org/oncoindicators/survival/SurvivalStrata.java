package org.oncoindicators.survival;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.oncoindicators.config.ConfigError;

/**
 * The strata a tumour belongs to, as {@code name=value} labels beside {@code all}: stage, sex,
 * ICSS age group, five-year diagnosis period and residence region, chosen in conf/.
 */
public final class SurvivalStrata {
  public static final String ALL = "all";
  public static final String AGE_GROUP = "age_group";
  private static final Map<String, Column> VALUES = Map.of(
      "stage", col("stage"),
      "sex", col("sex"),
      AGE_GROUP, col("age_group"),
      "region", col("residence_region"),
      "diagnosis_period", concat(floor(col("diagnosis_year").divide(5)).multiply(5).cast("int").cast("string"), lit("-"),
          floor(col("diagnosis_year").divide(5)).multiply(5).plus(4).cast("int").cast("string")));

  private SurvivalStrata() {}

  public static void validate(List<String> names) {
    for (String n : names) {
      if (!VALUES.containsKey(n)) {
        throw new ConfigError("survival.strata: unknown stratum '" + n + "'; use any of " + VALUES.keySet().stream().sorted().toList());
      }
    }
  }

  /** An array column of the tumour's stratum labels: "all" first, then one per named stratum with a value. */
  public static Column labels(List<String> names) {
    List<Column> labels = new ArrayList<>(List.of(lit(ALL)));
    for (String n : names) {
      labels.add(concat(lit(n + "="), VALUES.get(n)));
    }
    return array_compact(array(labels.toArray(Column[]::new)));
  }
}
