package org.oncoindicators.synth;

import com.typesafe.config.Config;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Decides whether a localized or regional tumour is resected, when and how, and whether the patient
 * dies within 30 or 90 days: logit(p30) = logit(group p30) + age term + Charlson term + ln(centre OR).
 */
final class SurgeryDraw {
  /** Post-operative risk settings shared by all groups. */
  record Risk(double ageLogOddsPerDecade, double charlsonLogOddsPerPoint, double extra90Ratio, int[] daysAfterDiagnosis) {
    static Risk from(Config c) {
      return new Risk(c.getDouble("age-log-odds-per-decade"), c.getDouble("charlson-log-odds-per-point"),
          c.getDouble("extra-90-ratio"), ClaimsModel.range(c, "days-after-diagnosis"));
    }
  }

  /** A resection (epoch days); postopDeathDay is Integer.MAX_VALUE when the patient survives 90 days. */
  record Resection(String procedure, int day, int dischargeDay, int postopDeathDay) {
    boolean diedWithin(int days) {
      return postopDeathDay != Integer.MAX_VALUE && postopDeathDay - day <= days;
    }
  }

  private static final double REFERENCE_AGE = 65;
  private final Risk risk;
  private final PlantedEffects effects;

  SurgeryDraw(Risk risk, PlantedEffects effects) {
    this.risk = risk;
    this.effects = effects;
  }

  /** A resection for a patient who is alive on the operation day, which is on or before the extract date. */
  Optional<Resection> plan(Tumour t, int charlson, int deathDay, int asOfDay, SplittableRandom rng) {
    Optional<CancerGroupModel.Surgery> surgery = t.group().surgery();
    if (surgery.isEmpty() || t.stage() > CancerGroupModel.REGIONAL || RegistryModel.knownAtDeath(t.basis())
        || rng.nextDouble() >= surgery.get().share()[t.stage()]) {
      return Optional.empty();
    }
    int day = t.diagnosisDay() + between(risk.daysAfterDiagnosis(), rng);
    if (day > asOfDay || day >= deathDay) {
      return Optional.empty();
    }
    String procedure = t.group().procedureFor(t.site(), rng);
    int los = between(surgery.get().los(), rng);
    double logit = StrictMath.log(surgery.get().p30() / (1 - surgery.get().p30()))
        + risk.ageLogOddsPerDecade() * (t.age() - REFERENCE_AGE) / 10
        + risk.charlsonLogOddsPerPoint() * charlson
        + StrictMath.log(effects.surgicalOr(t.centre().id(), t.group().key()));
    double p30 = 1 / (1 + StrictMath.exp(-logit));
    double u = rng.nextDouble();
    int postop = Integer.MAX_VALUE;
    if (u < p30) {
      postop = day + between(new int[] {0, 30}, rng);
    } else if (u < p30 * (1 + risk.extra90Ratio())) {
      postop = day + between(new int[] {31, 90}, rng);
    }
    return Optional.of(new Resection(procedure, day, Math.min(day + los, postop), postop));
  }

  static int between(int[] range, SplittableRandom rng) {
    return range[0] + rng.nextInt(range[1] - range[0] + 1);
  }
}
