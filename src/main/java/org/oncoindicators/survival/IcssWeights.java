package org.oncoindicators.survival;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

  /**
   * The weights of the given cancer groups (cancer group → age group → weight), ICSS 1 unless
   * {@code standardByGroup} says otherwise; small, shipped with the survival engine's tasks.
   */
  public Map<String, Map<String, Double>> forGroups(Set<String> groups, String defaultStandard,
                                                    Map<String, String> standardByGroup) {
    Map<String, Map<String, Double>> byGroup = new HashMap<>();
    for (String g : groups) {
      String standard = standardByGroup.getOrDefault(g, defaultStandard);
      Map<String, Double> weights = byStandard.get(standard);
      if (weights == null) {
        throw new ConfigError("survival.icss-standard: unknown standard '" + standard + "' for " + g
            + "; known: " + byStandard.keySet());
      }
      byGroup.put(g, new TreeMap<>(weights));
    }
    return byGroup;
  }
}
