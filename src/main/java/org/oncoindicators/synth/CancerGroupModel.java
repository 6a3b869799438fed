package org.oncoindicators.synth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Simulation settings of one cancer group: incidence, sex, age, stage, survival, codes and treatment. */
record CancerGroupModel(String key, double share, double maleShare, double[] age, double[] stageMix, double[] rs5,
    double travelFactor, boolean topography, WeightedChoice<Site> sites, WeightedChoice<String> morphology,
    Map<String, Double> comorbidityBoost, Optional<Surgery> surgery, Optional<Chemo> chemo) {

  /** SEER summary stages, in the order of the stage and rs5 arrays. */
  static final List<String> STAGES = List.of("localized", "regional", "distant", "unknown");
  static final int REGIONAL = 1;
  static final int DISTANT = 2;
  static final int UNKNOWN = 3;

  /** One ICD-10 code of the group, with optional morphology and procedure choices of its own. */
  record Site(String code, Optional<WeightedChoice<String>> morphology, Optional<WeightedChoice<String>> procedures) {
    /** ICD-O-3 topography: the ICD-10 code, with ".9" added to three-character categories (C73 -> C73.9). */
    String topography() {
      return code.length() == 3 ? code + ".9" : code;
    }
  }

  /** Resection: share of localized and regional tumours resected, 30-day mortality, stay, procedures. */
  record Surgery(double[] share, double p30, int[] los, WeightedChoice<String> procedures) {}

  /** Adjuvant chemotherapy after resection of regional tumours: each cycle bills one line per drug. */
  record Chemo(double share, int cycles, int intervalDays, List<Drug> drugs) {}

  /** An ATC drug code and the setting that bills it (outpatient infusion or pharmacy). */
  record Drug(String atc, String setting) {}

  static CancerGroupModel from(Config c) {
    String key = c.getString("key");
    return new CancerGroupModel(key, c.getDouble("share"), c.getDouble("male"), doubles(c, "age", 4),
        doubles(c, "stage", 4), doubles(c, "rs5", 4), c.getDouble("travel"),
        !c.hasPath("topography") || c.getBoolean("topography"),
        WeightedChoice.of(c.getConfigList("sites").stream().map(CancerGroupModel::site).toList(),
            c.getConfigList("sites").stream().mapToDouble(s -> s.getDouble("w")).toArray()),
        WeightedChoice.pairs(c, "morph"),
        c.hasPath("boost") ? WeightedChoice.numbers(c, "boost") : Map.of(),
        c.hasPath("surgery") ? Optional.of(surgery(c.getConfig("surgery"))) : Optional.empty(),
        c.hasPath("chemo") ? Optional.of(chemo(c.getConfig("chemo"))) : Optional.empty());
  }

  String morphologyFor(Site site, SplittableRandom rng) {
    return site.morphology().orElse(morphology).pick(rng);
  }

  String procedureFor(Site site, SplittableRandom rng) {
    return site.procedures().orElse(surgery.orElseThrow().procedures()).pick(rng);
  }

  /** 0 when only women get it, 1 when only men. */
  double sexShare(boolean male) {
    return male ? maleShare : 1 - maleShare;
  }

  private static Site site(Config s) {
    return new Site(s.getString("code"),
        s.hasPath("morph") ? Optional.of(WeightedChoice.pairs(s, "morph")) : Optional.empty(),
        s.hasPath("proc") ? Optional.of(WeightedChoice.pairs(s, "proc")) : Optional.empty());
  }

  private static Surgery surgery(Config s) {
    return new Surgery(doubles(s, "share", 2), s.getDouble("p30"), s.getIntList("los").stream().mapToInt(i -> i).toArray(),
        WeightedChoice.pairs(s, "proc"));
  }

  private static Chemo chemo(Config s) {
    List<Drug> drugs = s.getList("drugs").stream().map(ConfigValue::unwrapped).map(List.class::cast)
        .map(pair -> new Drug(String.valueOf(pair.get(0)), String.valueOf(pair.get(1)))).toList();
    return new Chemo(s.getDouble("share"), s.getInt("cycles"), s.getInt("interval"), drugs);
  }

  private static double[] doubles(Config c, String path, int size) {
    double[] values = c.getDoubleList(path).stream().mapToDouble(Double::doubleValue).toArray();
    if (values.length != size) {
      throw new IllegalArgumentException(path + " needs " + size + " numbers, got " + values.length);
    }
    return values;
  }
}
