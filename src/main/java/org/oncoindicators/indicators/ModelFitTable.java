package org.oncoindicators.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.riskadjust.CaseMixModel;
import org.oncoindicators.riskadjust.Glm;
import org.oncoindicators.riskadjust.ModelQuality;

/**
 * The columns of {@code gold.model_fit}: one row per model term (coefficient, standard error,
 * Wald z and p) and a summary row {@code term = '_model'} with the model's family, covariates
 * used and why any were dropped, discrimination (c-statistic, or the named deviance measure for
 * survival models) and calibration by deciles.
 */
public final class ModelFitTable {
  public static final String SUMMARY_TERM = "_model";
  public static final StructType CALIBRATION = DataTypes.createStructType(List.of(
      DataTypes.createStructField("decile", DataTypes.IntegerType, false),
      DataTypes.createStructField("n", DataTypes.LongType, false),
      DataTypes.createStructField("observed", DataTypes.DoubleType, false),
      DataTypes.createStructField("expected", DataTypes.DoubleType, false)));
  public static final StructType SCHEMA = schema();

  private ModelFitTable() {}

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    IndicatorTable.add(f, DataTypes.StringType, "indicator_id", "cancer_group", "term");
    IndicatorTable.add(f, DataTypes.DoubleType, "coefficient", "std_error", "z_value", "p_value", "c_statistic");
    IndicatorTable.add(f, DataTypes.StringType, "quality_measure");
    IndicatorTable.add(f, DataTypes.DoubleType, "quality_value");
    f.add(DataTypes.createStructField("calibration", DataTypes.createArrayType(CALIBRATION), true));
    IndicatorTable.add(f, DataTypes.DoubleType, "calibration_chi2", "calibration_p");
    IndicatorTable.add(f, DataTypes.StringType, "family", "covariates", "reference_levels", "model_status");
    IndicatorTable.add(f, DataTypes.LongType, "n");
    IndicatorTable.add(f, DataTypes.DoubleType, "events", "deviance", "null_deviance");
    IndicatorTable.add(f, DataTypes.IntegerType, "iterations");
    IndicatorTable.add(f, DataTypes.StringType, "run_id");
    return DataTypes.createStructType(f);
  }

  public static List<Row> rows(IndicatorSpec spec, CaseMixModel.Fitted fitted, ModelQuality q, long n, double events,
                               String runId) {
    Glm.Result r = fitted.result();
    List<Row> out = new ArrayList<>();
    NormalDistribution normal = new NormalDistribution();
    for (int i = 0; i < r.terms().size(); i++) {
      double z = r.coefficients()[i] / r.stdErrors()[i];
      out.add(RowFactory.create(spec.id(), spec.cancerGroup(), r.terms().get(i),
          IndicatorTable.value(r.coefficients()[i]), IndicatorTable.value(r.stdErrors()[i]), IndicatorTable.value(z),
          IndicatorTable.value(2 * normal.cumulativeProbability(-Math.abs(z))), null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, runId));
    }
    List<Row> deciles = q.calibration().deciles().stream()
        .map(d -> RowFactory.create(d.decile(), d.n(), d.observed(), d.expected())).toList();
    String references = r.design().references().entrySet().stream().map(Map.Entry::toString)
        .collect(Collectors.joining("; "));
    out.add(RowFactory.create(spec.id(), spec.cancerGroup(), SUMMARY_TERM, null, null, null, null,
        IndicatorTable.value(q.cStatistic()), q.measure(), IndicatorTable.value(q.value()),
        deciles.toArray(), IndicatorTable.value(q.calibration().chiSquare()),
        IndicatorTable.value(q.calibration().pValue()), r.family().name().toLowerCase(java.util.Locale.ROOT),
        String.join(", ", fitted.covariatesUsed()), references, fitted.status(), n, events,
        IndicatorTable.value(q.deviance().model()), IndicatorTable.value(q.deviance().nullModel()), r.iterations(), runId));
    return out;
  }

}
