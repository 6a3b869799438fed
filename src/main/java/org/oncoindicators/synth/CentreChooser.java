package org.oncoindicators.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses the treating centre of a tumour from the patient's region: capital residents among the
 * capital-area centres, others locally (own region and its catchment) unless they travel to the capital
 * area, which they always do when no local centre exists. Also picks the referral centre of a work-up.
 */
final class CentreChooser {
  private final TravelModel travel;
  private final ReferenceData reference;
  private final List<Centre> centres;
  private final WeightedChoice<Centre> capitalForTravellers;
  private final Map<String, WeightedChoice<Centre>> localByRegion = new HashMap<>();

  CentreChooser(List<Centre> centres, TravelModel travel, ReferenceData reference) {
    this.travel = travel;
    this.reference = reference;
    this.centres = centres;
    List<Centre> capital = centres.stream().filter(c -> reference.isCapital(c.region())).toList();
    if (capital.isEmpty()) {
      throw new IllegalStateException("no capital-area centre among the generated centres");
    }
    capitalForTravellers = WeightedChoice.of(capital, c -> weight(travel.travelWeight(), c));
    for (String region : reference.regions().keySet()) {
      List<Centre> candidates = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      List<String> catchment = travel.catchment().getOrDefault(region, List.of());
      for (Centre c : reference.isCapital(region) ? capital : centres) {
        double w = weight(travel.localWeight(), c);
        if (reference.isCapital(region)) {
          candidates.add(c);
          weights.add(c.region().equals(region) ? w * travel.ownRegionBonus() : w);
        } else if (c.region().equals(region) || catchment.contains(c.region())) {
          candidates.add(c);
          weights.add(c.region().equals(region) ? w : w * travel.catchmentWeight());
        }
      }
      if (!candidates.isEmpty()) {
        localByRegion.put(region, WeightedChoice.of(candidates, weights.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }
  }

  String residence(SplittableRandom rng) {
    return travel.residence().pick(rng);
  }

  Centre treating(String region, CancerGroupModel group, SplittableRandom rng) {
    WeightedChoice<Centre> local = localByRegion.get(region);
    boolean travels = !reference.isCapital(region) && rng.nextDouble() < travel.share(region, group);
    return local == null || travels ? capitalForTravellers.pick(rng) : local.pick(rng);
  }

  /** A centre other than the treating one, preferably a spoke of the patient's region, for a work-up claim. */
  Centre referral(String region, Centre treating, SplittableRandom rng) {
    List<Centre> candidates = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (Centre c : centres) {
      if (c != treating && c.region().equals(region)) {
        candidates.add(c);
        weights.add(Centre.SPOKE.equals(c.kind()) ? 3.0 : 1.0);
      }
    }
    if (candidates.isEmpty()) {
      return pickOther(treating, rng);
    }
    return WeightedChoice.of(candidates, weights.stream().mapToDouble(Double::doubleValue).toArray()).pick(rng);
  }

  private Centre pickOther(Centre treating, SplittableRandom rng) {
    Centre other = centres.get(rng.nextInt(centres.size() - 1));
    return other == treating ? centres.get(centres.size() - 1) : other;
  }

  private static double weight(Map<String, Double> weights, Centre c) {
    Double w = weights.get(c.kind());
    if (w == null) {
      throw new IllegalArgumentException("travel: no weight for centre kind " + c.kind());
    }
    return w;
  }
}
