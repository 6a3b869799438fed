package org.oncoindicators.indicators;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.riskadjust.CentreCounts;
import org.oncoindicators.riskadjust.Comparison;

/**
 * The columns of {@code gold.indicators} (interfaces.md, plus what a reader needs beside them:
 * cancer group, period, horizon, the national rate, which way is better, the risk-adjusted
 * survival of survival indicators and the median days of treatment-timing ones), and the row of
 * one centre's comparison. Limits are on the O/E scale; rates on the indicator's own scale.
 */
public final class IndicatorTable {
  public static final StructType SCHEMA = schema();

  private IndicatorTable() {}

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    add(f, DataTypes.StringType, "center_id", "indicator_id", "cancer_group", "stratum", "period");
    add(f, DataTypes.IntegerType, "horizon_years");
    add(f, DataTypes.LongType, "n", "observed");
    add(f, DataTypes.DoubleType, "expected", "oe_ratio", "oe_ci_lower", "oe_ci_upper", "crude_rate", "national_rate",
        "risk_standardised_rate", "rs_ci_lower", "rs_ci_upper");
    add(f, DataTypes.StringType, "funnel_basis");
    add(f, DataTypes.DoubleType, "funnel_95_lower", "funnel_95_upper", "funnel_998_lower", "funnel_998_upper",
        "dispersion");
    add(f, DataTypes.StringType, "flag");
    add(f, DataTypes.DoubleType, "shrunken_oe", "shrunken_rate", "adjusted_survival", "adjusted_survival_ci_lower",
        "adjusted_survival_ci_upper", "median_days");
    add(f, DataTypes.StringType, "better", "status", "run_id");
    return DataTypes.createStructType(f);
  }

  static void add(List<StructField> fields, DataType type, String... names) {
    for (String n : names) {
      fields.add(DataTypes.createStructField(n, type, true));
    }
  }

  /** A finite double, else NULL (an estimate that does not exist is NULL, never NaN). */
  public static Double value(Double d) {
    return d == null || d.isNaN() || d.isInfinite() ? null : d;
  }

  /** Extras that only some kinds have. */
  public record Extras(Double nationalRate, String funnelBasis, Double referenceSurvival, Double medianDays) {}

  public static Row row(IndicatorSpec spec, Comparison c, Extras x, String runId) {
    CentreCounts k = c.counts();
    Double ref = x.referenceSurvival();
    return RowFactory.create(k.centerId(), spec.id(), spec.cancerGroup(), "all", k.period(), spec.horizonYears(),
        k.n(), k.observed(), value(k.expected()), value(c.oe()), value(c.oeLower()), value(c.oeUpper()),
        value(k.crudeRate()), value(x.nationalRate()), value(c.riskStandardisedRate()), value(c.rsLower()),
        value(c.rsUpper()), x.funnelBasis(), value(c.funnel95Lower()), value(c.funnel95Upper()),
        value(c.funnel998Lower()), value(c.funnel998Upper()), value(c.dispersion()), c.flag(), value(c.shrunkenOe()),
        value(c.shrunkenRate()), power(ref, c.oe()), power(ref, c.oeUpper()), power(ref, c.oeLower()),
        value(x.medianDays()), spec.better(), c.status(), runId);
  }

  /** A volume row: units (patients) in {@code n}, resections in {@code observed}; nothing to compare. */
  public static Row volumeRow(IndicatorSpec spec, String centerId, String period, long patients, long count,
                              String runId) {
    return RowFactory.create(centerId, spec.id(), spec.cancerGroup(), "all", period, null, patients, count, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, "ok", runId);
  }

  /** Risk-adjusted survival S_ref(t)^(O/E) (proportional hazards); NULL outside survival indicators. */
  public static Double power(Double reference, Double oe) {
    return reference == null || oe == null ? null : value(Math.pow(reference, oe));
  }
}
