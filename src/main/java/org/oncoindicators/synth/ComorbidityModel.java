package org.oncoindicators.synth;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Charlson comorbidities present at diagnosis, with prevalence rising with age, and the Charlson (1987)
 * score that raises background and post-operative mortality. Codes are checked against Quan's prefixes.
 */
final class ComorbidityModel {
  /** A Charlson condition as simulated: reference weight and hierarchy plus simulated prevalence. */
  record Condition(String key, int weight, String suppressedBy, double prevalence, double orPerDecade, List<String> codes) {}

  /** One condition a patient has, with the ICD-10 code its claims carry. */
  record Diagnosis(String condition, String code) {}

  private static final double REFERENCE_AGE = 65;
  private final List<Condition> conditions;

  private ComorbidityModel(List<Condition> conditions) {
    this.conditions = conditions;
  }

  static ComorbidityModel from(Config c, List<ReferenceData.Charlson> reference) {
    Map<String, ReferenceData.Charlson> byKey = new LinkedHashMap<>();
    reference.forEach(r -> byKey.put(r.key(), r));
    List<Condition> conditions = new ArrayList<>();
    for (Config condition : c.getConfigList("conditions")) {
      String key = condition.getString("key");
      ReferenceData.Charlson ref = byKey.get(key);
      if (ref == null) {
        throw new IllegalArgumentException("comorbidity " + key + " is not a condition of charlson_quan_icd10.csv");
      }
      List<String> codes = condition.getStringList("codes");
      for (String code : codes) {
        String plain = code.replace(".", "");
        if (ref.prefixes().stream().noneMatch(plain::startsWith)) {
          throw new IllegalArgumentException("comorbidity code " + code + " matches no Quan prefix of " + key);
        }
      }
      conditions.add(new Condition(key, ref.weight(), ref.suppressedBy(), condition.getDouble("prevalence"),
          condition.getDouble("or-per-decade"), codes));
    }
    return new ComorbidityModel(List.copyOf(conditions));
  }

  /** Draws the conditions of a patient of the given age; boost and extraOdds multiply the odds. */
  List<Diagnosis> draw(double age, Map<String, Double> boost, double extraOdds, SplittableRandom rng) {
    List<Diagnosis> drawn = new ArrayList<>(2);
    for (Condition c : conditions) {
      double odds = c.prevalence() / (1 - c.prevalence()) * StrictMath.pow(c.orPerDecade(), (age - REFERENCE_AGE) / 10)
          * boost.getOrDefault(c.key(), 1.0) * extraOdds;
      if (rng.nextDouble() < odds / (1 + odds)) {
        drawn.add(new Diagnosis(c.key(), c.codes().get(rng.nextInt(c.codes().size()))));
      }
    }
    return drawn;
  }

  /** Charlson score with Quan's hierarchy (a condition is not counted when its suppressor is present). */
  int charlsonScore(List<Diagnosis> diagnoses) {
    Set<String> present = new HashSet<>();
    diagnoses.forEach(d -> present.add(d.condition()));
    int score = 0;
    for (Condition c : conditions) {
      if (present.contains(c.key()) && !present.contains(c.suppressedBy())) {
        score += c.weight();
      }
    }
    return score;
  }
}
