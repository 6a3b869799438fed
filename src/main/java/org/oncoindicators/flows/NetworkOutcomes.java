package org.oncoindicators.flows;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.indicators.IndicatorEvaluation;
import org.oncoindicators.indicators.IndicatorSpec;
import org.oncoindicators.indicators.IndicatorTable;
import org.oncoindicators.riskadjust.CentreComparison;
import org.oncoindicators.riskadjust.CentreCounts;
import org.oncoindicators.riskadjust.Comparison;

/**
 * Risk-adjusted indicators per care network (a hub and the spokes referring to it): each network's
 * units are those of its member centres, so its O and E are the sums of theirs under the same
 * national case-mix model, and networks are compared with the nation exactly as centres are
 * (exact O/E interval, funnel limits at the network's E, over-dispersion among networks, flag,
 * shrinkage). Rows have the columns of {@code gold.indicators}, the network in {@code center_id}.
 * The crude rate of a survival indicator is not additive over centres and is left NULL.
 */
public final class NetworkOutcomes {
  private NetworkOutcomes() {}

  /**
   * @param centreRows the centre rows (not ALL) of the run's compared indicators in gold.indicators
   * @param networkOf centre → network; a centre not listed is a network of its own
   */
  public static List<Row> build(List<Row> centreRows, Map<String, String> networkOf,
                                Map<List<String>, NationalReference> references, Map<String, IndicatorSpec> specs,
                                PipelineConfig.Indicators settings, String runId) {
    Map<List<String>, Map<String, long[]>> counts = new TreeMap<>(Comparator.comparing(Object::toString));
    Map<List<String>, Map<String, Double>> expected = new TreeMap<>(Comparator.comparing(Object::toString));
    for (Row r : centreRows) {
      List<String> key = NationalReference.key(r.getAs("indicator_id"), r.getAs("period"));
      String centre = r.getAs("center_id");
      String network = networkOf.getOrDefault(centre, centre);
      long[] c = counts.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(network, k -> new long[2]);
      c[0] += r.<Long>getAs("n");
      c[1] += r.<Long>getAs("observed");
      expected.computeIfAbsent(key, k -> new TreeMap<>()).merge(network, r.<Double>getAs("expected"), Double::sum);
    }
    List<Row> out = new ArrayList<>();
    counts.forEach((key, byNetwork) -> {
      NationalReference ref = references.get(key);
      IndicatorSpec spec = specs.get(key.get(0));
      if (ref == null || spec == null) {
        return;
      }
      List<CentreCounts> networks = new ArrayList<>();
      byNetwork.forEach((network, c) -> networks.add(new CentreCounts(network, key.get(1), c[0], c[1],
          expected.get(key).get(network), ref.survival() || c[0] == 0 ? null : (double) c[1] / c[0])));
      CentreComparison comparison = new CentreComparison(ref.basis(), IndicatorEvaluation.comparisonSettings(settings, spec));
      for (Comparison c : comparison.compare(networks, ref.nation(), ref.scale())) {
        out.add(IndicatorTable.row(spec, c, new IndicatorTable.Extras(ref.scale().nationalRate(), ref.funnelBasis(),
            ref.referenceSurvival(), null), runId));
      }
    });
    return out;
  }

  /** The centre rows (not ALL) of compared indicators in gold.indicators. */
  static Column centreRows() {
    return col("center_id").notEqual("ALL").and(col("expected").isNotNull()).and(col("funnel_basis").isNotNull());
  }
}
