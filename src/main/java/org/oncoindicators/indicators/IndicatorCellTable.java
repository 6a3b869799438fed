package org.oncoindicators.indicators;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.riskadjust.CellCounts;

/**
 * The columns of {@code gold.indicator_cells}: per risk-adjusted indicator, period, treating centre
 * and residence region, the units, observed and expected events under the national case-mix model.
 * The cells add up to the centre rows of {@code gold.indicators}; the flows stage sums them over
 * care networks and over where patients live and travel, so those comparisons use the very model
 * the centres are compared with. Internal (gold): cells may be small and are never published as is.
 */
public final class IndicatorCellTable {
  public static final StructType SCHEMA = schema();

  private IndicatorCellTable() {}

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    IndicatorTable.add(f, DataTypes.StringType, "indicator_id", "cancer_group", "period", "center_id",
        "residence_region");
    IndicatorTable.add(f, DataTypes.LongType, "n", "observed");
    IndicatorTable.add(f, DataTypes.DoubleType, "expected");
    IndicatorTable.add(f, DataTypes.StringType, "run_id");
    return DataTypes.createStructType(f);
  }

  static List<Row> rows(IndicatorSpec spec, List<CellCounts> cells, String runId) {
    return cells.stream().map(c -> RowFactory.create(spec.id(), spec.cancerGroup(), c.period(), c.centerId(),
        c.residenceRegion(), c.n(), c.observed(), c.expected(), runId)).toList();
  }
}
