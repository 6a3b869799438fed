package org.oncoindicators.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.terminology.ReferenceTable;

/**
 * International Cancer Survival Standard weights (Corazziari, Quinn, Capocaccia 2004) for the five
 * broad age groups, from conf/reference/icss_weights.csv, with the standard chosen per cancer group.
 */
public final class IcssWeights {
  private final Map<String, Map<String, Double>> byStandard;

  private IcssWeights(Map<String, Map<String, Double>> byStandard) {
    this.byStandard = byStandard;
  }

  public static IcssWeights load(Path file) {
    Map<String, Map<String, Double>> byStandard = new HashMap<>();
    ReferenceTable.forEachRecord(file, "ICSS weights", r -> {
      if ("broad_5".equals(r.getString("age_scheme"))) {
        byStandard.computeIfAbsent(r.getString("standard"), k -> new HashMap<>())
            .put(r.getString("age_group"), Double.parseDouble(r.getString("weight")));
      }
    });
    return new IcssWeights(byStandard);
  }

  /** Rows (cancer_group, age_group, weight) for the given groups, ICSS 1 unless {@code standardByGroup} says otherwise. */
  public Dataset<Row> forGroups(SparkSession spark, Set<String> groups, String defaultStandard,
                                Map<String, String> standardByGroup) {
    List<Row> rows = new ArrayList<>();
    for (String g : groups) {
      String standard = standardByGroup.getOrDefault(g, defaultStandard);
      Map<String, Double> weights = byStandard.get(standard);
      if (weights == null) {
        throw new ConfigError("survival.icss-standard: unknown standard '" + standard + "' for " + g
            + "; known: " + byStandard.keySet());
      }
      weights.forEach((age, w) -> rows.add(RowFactory.create(g, age, w)));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(List.of(
        DataTypes.createStructField("cancer_group", DataTypes.StringType, false),
        DataTypes.createStructField("age_group", DataTypes.StringType, false),
        DataTypes.createStructField("weight", DataTypes.DoubleType, false))));
  }
}
