package org.oncoindicators.synth;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Where patients live and how often non-capital residents travel to capital-area centres. */
record TravelModel(WeightedChoice<String> residence, double baseShare, double maxShare, Map<String, Double> regionFactor,
    Map<String, List<String>> catchment, double catchmentWeight, double ownRegionBonus, Map<String, Double> localWeight,
    Map<String, Double> travelWeight) {

  static TravelModel from(Config c, ReferenceData reference) {
    Map<String, Double> population = WeightedChoice.numbers(c, "population");
    Map<String, Double> regionFactor = WeightedChoice.numbers(c, "region-factor");
    Map<String, List<String>> catchment = new TreeMap<>();
    Config catchmentConf = c.getConfig("catchment");
    catchmentConf.root().keySet().forEach(k -> catchment.put(k, catchmentConf.getStringList(WeightedChoice.quoted(k))));
    List<String> mentioned = new ArrayList<>(population.keySet());
    mentioned.addAll(regionFactor.keySet());
    catchment.forEach((k, v) -> {
      mentioned.add(k);
      mentioned.addAll(v);
    });
    for (String region : mentioned) {
      if (!reference.regions().containsKey(region)) {
        throw new IllegalArgumentException("travel: region " + region + " is not in korea_regions.csv");
      }
    }
    List<String> regions = List.copyOf(population.keySet());
    return new TravelModel(WeightedChoice.of(regions, population::get), c.getDouble("base-share"), c.getDouble("max-share"),
        regionFactor, catchment, c.getDouble("catchment-weight"), c.getDouble("own-region-bonus"),
        WeightedChoice.numbers(c, "local-weight"), WeightedChoice.numbers(c, "travel-weight"));
  }

  /** Probability that a non-capital resident with a tumour of this group is treated in the capital area. */
  double share(String region, CancerGroupModel group) {
    return Math.min(maxShare, baseShare * regionFactor.getOrDefault(region, 1.0) * group.travelFactor());
  }

  /** Configured travel share of one region, averaged over the cancer groups by incidence. */
  double configuredShare(String region, List<CancerGroupModel> groups) {
    double total = groups.stream().mapToDouble(CancerGroupModel::share).sum();
    return groups.stream().mapToDouble(g -> g.share() * share(region, g)).sum() / total;
  }

  /** Configured travel share of all non-capital residents, weighted by population and incidence. */
  double configuredShare(List<CancerGroupModel> groups, ReferenceData reference) {
    double weighted = 0;
    double population = 0;
    List<String> regions = residence.items();
    for (int i = 0; i < regions.size(); i++) {
      if (!reference.isCapital(regions.get(i))) {
        weighted += residence.probability(i) * configuredShare(regions.get(i), groups);
        population += residence.probability(i);
      }
    }
    return weighted / population;
  }
}
