package org.oncoindicators.synth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The planted truth: centre x cancer-group hazard ratios on the excess hazard, odds ratios on
 * post-operative mortality, and case-mix-heavy centres (older, sicker, later stage, no centre effect).
 * Pairs at centres that the run does not generate are dropped.
 */
final class PlantedEffects {
  /** A planted effect of one centre on one cancer group. */
  record Pair(String centreId, String group, double ratio) {}

  /** How a case-mix-heavy centre shifts its patients; {@link #NONE} for ordinary centres. */
  record CaseMix(double ageShiftYears, double comorbidityOddsRatio, double stageUpshift) {
    static final CaseMix NONE = new CaseMix(0, 1, 0);
  }

  private final List<Pair> excess;
  private final List<Pair> surgical;
  private final List<String> caseMixCentres;
  private final CaseMix caseMix;
  private final Map<String, Double> excessByKey = new HashMap<>();
  private final Map<String, Double> surgicalByKey = new HashMap<>();

  private PlantedEffects(List<Pair> excess, List<Pair> surgical, List<String> caseMixCentres, CaseMix caseMix) {
    this.excess = List.copyOf(excess);
    this.surgical = List.copyOf(surgical);
    this.caseMixCentres = List.copyOf(caseMixCentres);
    this.caseMix = caseMix;
    excess.forEach(p -> excessByKey.put(key(p.centreId(), p.group()), p.ratio()));
    surgical.forEach(p -> surgicalByKey.put(key(p.centreId(), p.group()), p.ratio()));
  }

  static PlantedEffects from(Config c, Set<String> centreIds, Set<String> groupKeys) {
    List<Pair> excess = new ArrayList<>();
    excess.addAll(pairs(c, "better", c.getDouble("better-excess-hr"), groupKeys));
    excess.addAll(pairs(c, "worse", c.getDouble("worse-excess-hr"), groupKeys));
    List<Pair> surgical = new ArrayList<>();
    surgical.addAll(pairs(c, "surgical-better", c.getDouble("better-surgical-or"), groupKeys));
    surgical.addAll(pairs(c, "surgical-worse", c.getDouble("worse-surgical-or"), groupKeys));
    for (Pair s : surgical) {
      boolean sameDirection = excess.stream().anyMatch(e -> e.centreId().equals(s.centreId())
          && e.group().equals(s.group()) && (e.ratio() < 1) == (s.ratio() < 1));
      if (!sameDirection) {
        throw new IllegalArgumentException("planted surgical pair " + s + " must also be a survival pair in the same direction");
      }
    }
    Config mix = c.getConfig("case-mix");
    List<String> heavy = mix.getStringList("centres");
    for (String centre : heavy) {
      if (excess.stream().anyMatch(p -> p.centreId().equals(centre))) {
        throw new IllegalArgumentException("case-mix centre " + centre + " must not carry a planted centre effect");
      }
    }
    return new PlantedEffects(present(excess, centreIds), present(surgical, centreIds),
        heavy.stream().filter(centreIds::contains).toList(),
        new CaseMix(mix.getDouble("age-shift-years"), mix.getDouble("comorbidity-or"), mix.getDouble("stage-upshift")));
  }

  /** Hazard ratio on the excess hazard of the group's tumours treated at the centre (1 when not planted). */
  double excessHr(String centreId, String group) {
    return excessByKey.getOrDefault(key(centreId, group), 1.0);
  }

  /** Odds ratio on post-operative mortality of the group's resections at the centre (1 when not planted). */
  double surgicalOr(String centreId, String group) {
    return surgicalByKey.getOrDefault(key(centreId, group), 1.0);
  }

  CaseMix caseMix(String centreId) {
    return caseMixCentres.contains(centreId) ? caseMix : CaseMix.NONE;
  }

  List<Pair> excessEffects() {
    return excess;
  }

  List<Pair> surgicalEffects() {
    return surgical;
  }

  List<String> caseMixCentres() {
    return caseMixCentres;
  }

  CaseMix caseMixProfile() {
    return caseMix;
  }

  private static List<Pair> present(List<Pair> pairs, Set<String> centreIds) {
    return pairs.stream().filter(p -> centreIds.contains(p.centreId())).toList();
  }

  private static List<Pair> pairs(Config c, String path, double ratio, Set<String> groupKeys) {
    List<Pair> pairs = new ArrayList<>();
    for (ConfigValue value : c.getList(path)) {
      List<?> pair = (List<?>) value.unwrapped();
      String group = String.valueOf(pair.get(1));
      if (!groupKeys.contains(group)) {
        throw new IllegalArgumentException("planted." + path + ": unknown cancer group " + group);
      }
      pairs.add(new Pair(String.valueOf(pair.get(0)), group, ratio));
    }
    return pairs;
  }

  private static String key(String centreId, String group) {
    return centreId + '|' + group;
  }
}
