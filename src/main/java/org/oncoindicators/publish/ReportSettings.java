package org.oncoindicators.publish;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.indicators.IndicatorSpec;
import org.oncoindicators.terminology.ReferenceTable;

/**
 * What the report shows and how it names things: the survival estimator and approach drawn, the
 * headline horizon, cancer group names and order (reference table) and indicator titles (catalogue).
 */
record ReportSettings(String survivalEstimator, String survivalApproach, int headlineHorizon, double daysPerYear,
                      Map<String, String> groupNames, Map<String, Integer> groupRank, Map<String, String> indicatorTitles,
                      String specialisationLabel, double funnelInner, double funnelOuter,
                      List<Map<String, String>> downloads) {

  static ReportSettings of(PipelineConfig config, List<Map<String, String>> downloads) {
    Map<String, String> names = new HashMap<>();
    Map<String, Integer> rank = new HashMap<>();
    Path groups = config.reference().cancerGroups();
    ReferenceTable.forEachRecord(groups, "cancer groups (columns display_order, key, name_en)", r -> {
      names.put(r.getString("key"), r.getString("name_en"));
      rank.put(r.getString("key"), Integer.parseInt(r.getString("display_order").trim()));
    });
    Map<String, String> titles = new HashMap<>();
    String specialisation = config.flows().specialisationIndicator();
    for (IndicatorSpec s : config.indicators().catalogue().indicators()) {
      titles.put(s.id(), s.title());
    }
    PipelineConfig.Publication p = config.publication();
    return new ReportSettings(p.survivalEstimator(), p.survivalApproach(), p.headlineHorizon(), config.daysPerYear(),
        names, rank, titles, specialisation.replace('_', ' '), config.indicators().innerLimit(),
        config.indicators().outerLimit(), downloads);
  }

  String groupName(String key) {
    return groupNames.getOrDefault(key, key);
  }

  Comparator<String> groupOrder() {
    return Comparator.<String>comparingInt(g -> groupRank.getOrDefault(g, Integer.MAX_VALUE))
        .thenComparing(Comparator.naturalOrder());
  }

  String indicatorName(String id) {
    return indicatorTitles.getOrDefault(id, id);
  }

  String survivalLabel() {
    return switch (survivalEstimator) {
      case "net_pohar_perme" -> "net survival (Pohar-Perme)";
      case "net_pohar_perme_agestd" -> "age-standardised net survival";
      case "relative_ederer2" -> "relative survival (Ederer II)";
      default -> "observed survival (Kaplan–Meier)";
    } + (survivalApproach.equals("period") ? ", period approach" : "");
  }
}
