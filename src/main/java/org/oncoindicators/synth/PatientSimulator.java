package org.oncoindicators.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Simulates one patient: cancer group, sex, residence and treating centre, then age, stage and
 * comorbidity (shifted at case-mix-heavy centres), the death day from background plus excess hazard,
 * the resection and its post-operative deaths, an occasional second primary, and registry censoring.
 */
final class PatientSimulator {
  private static final int MAX_TRIES = 1000;

  private final SyntheticModel model;
  private final CentreChooser chooser;
  private final PlantedEffects effects;
  private final SurvivalDraw survival;
  private final SurgeryDraw surgery;
  private final int firstDiagnosisDay;
  private final int lastDiagnosisDay;
  private final int asOfDay;
  private long tumours;

  PatientSimulator(SyntheticModel model, CentreChooser chooser, PlantedEffects effects, SurvivalDraw survival,
      SurgeryDraw surgery, LocalDate asOf) {
    this.model = model;
    this.chooser = chooser;
    this.effects = effects;
    this.survival = survival;
    this.surgery = surgery;
    this.firstDiagnosisDay = (int) asOf.minusYears(model.registry().windowYears()).toEpochDay();
    this.lastDiagnosisDay = (int) asOf.minusDays(model.registry().gapDays()).toEpochDay();
    this.asOfDay = (int) asOf.toEpochDay();
  }

  SimulatedPatient simulate(int index, SplittableRandom rng) {
    CancerGroupModel group = model.incidence().pick(rng);
    boolean male = rng.nextDouble() < group.maleShare();
    String region = chooser.residence(rng);
    Centre centre = chooser.treating(region, group, rng);
    PlantedEffects.CaseMix mix = effects.caseMix(centre.id());
    int ageHundredths = age(group, mix, rng);
    int diagnosisDay = between(firstDiagnosisDay, lastDiagnosisDay, rng);
    List<ComorbidityModel.Diagnosis> comorbidities =
        model.comorbidity().draw(ageHundredths / 100.0, group.comorbidityBoost(), mix.comorbidityOddsRatio(), rng);
    int charlson = model.comorbidity().charlsonScore(comorbidities);
    String basis = model.registry().basis().pick(rng);
    int stage = RegistryModel.knownAtDeath(basis) ? CancerGroupModel.UNKNOWN : stage(group, mix, rng);
    Tumour first = tumour(group, stage, basis, diagnosisDay, ageHundredths, centre, rng);
    String patientId = Pseudonyms.patient(index + 1L);
    if (RegistryModel.knownAtDeath(basis)) {
      return new SimulatedPatient(index, patientId, male, region, comorbidities, charlson,
          List.of(new SimulatedPatient.Course(first, Optional.empty())), diagnosisDay, first.icd10(), diagnosisDay, true);
    }
    Outcome outcome = course(first, male, comorbidities, charlson, StrictMath.pow(model.mortality().backgroundHrPerCharlsonPoint(), charlson),
        Integer.MAX_VALUE, rng);
    List<SimulatedPatient.Course> courses = new ArrayList<>(List.of(outcome.course()));
    int lastDiagnosis = diagnosisDay;
    int secondFrom = diagnosisDay + model.registry().secondPrimaryMinDays();
    int secondTo = Math.min(lastDiagnosisDay, outcome.deathDay() - 1);
    Optional<CancerGroupModel> secondGroup = rng.nextDouble() < model.registry().secondPrimaryShare() && secondFrom <= secondTo
        ? otherGroup(group, male, rng) : Optional.empty();
    if (secondGroup.isPresent()) {
      CancerGroupModel g2 = secondGroup.get();
      Centre centre2 = chooser.treating(region, g2, rng);
      int day2 = between(secondFrom, secondTo, rng);
      int age2 = ageHundredths + (int) Math.round((day2 - diagnosisDay) * 100 / ExcessHazard.DAYS_PER_YEAR);
      Tumour second = tumour(g2, stage(g2, effects.caseMix(centre2.id()), rng), "histology", day2, age2, centre2, rng);
      Outcome outcome2 = course(second, male, comorbidities, charlson, 0, outcome.deathDay(), rng);
      courses.add(outcome2.course());
      outcome = outcome2.deathDay() < outcome.deathDay() ? outcome2 : outcome;
      lastDiagnosis = day2;
    }
    int censorDay = rng.nextDouble() < model.registry().lostToFollowUpShare()
        ? Math.max(lastDiagnosis, between(diagnosisDay, asOfDay, rng)) : asOfDay;
    boolean dead = outcome.deathDay() <= censorDay;
    return new SimulatedPatient(index, patientId, male, region, comorbidities, charlson, List.copyOf(courses),
        outcome.deathDay(), dead ? outcome.cause() : "", dead ? outcome.deathDay() : censorDay, dead);
  }

  /** A tumour's survival draw and resection; the death day (epoch) is the earlier of the two. */
  private record Outcome(SimulatedPatient.Course course, int deathDay, String cause) {}

  private Outcome course(Tumour t, boolean male, List<ComorbidityModel.Diagnosis> comorbidities, int charlson,
      double backgroundMultiplier, int otherDeathDay, SplittableRandom rng) {
    double[] excess = model.excessHazard().dailyRates(t.group(), t.stage(), t.age(), charlson,
        effects.excessHr(t.centre().id(), t.group().key()));
    SurvivalDraw.Death death = survival.draw(t.diagnosisDay(), t.age(), male, backgroundMultiplier, excess,
        asOfDay - t.diagnosisDay(), rng);
    int deathDay = death.happened() ? t.diagnosisDay() + death.day() : Integer.MAX_VALUE;
    String cause = death.happened() ? cause(death.excess(), t, comorbidities, rng) : "";
    Optional<SurgeryDraw.Resection> resection = surgery.plan(t, charlson, Math.min(deathDay, otherDeathDay), asOfDay, rng);
    if (resection.isPresent() && resection.get().postopDeathDay() < deathDay) {
      deathDay = resection.get().postopDeathDay();
      cause = t.icd10();
    }
    return new Outcome(new SimulatedPatient.Course(t, resection), deathDay, cause);
  }

  private String cause(boolean excess, Tumour t, List<ComorbidityModel.Diagnosis> comorbidities, SplittableRandom rng) {
    MortalitySettings m = model.mortality();
    if (excess && rng.nextDouble() < m.cancerCauseShare()) {
      return t.icd10();
    }
    if (!comorbidities.isEmpty() && rng.nextDouble() < m.comorbidityCauseShare()) {
      return comorbidities.get(rng.nextInt(comorbidities.size())).code();
    }
    return m.nonCancerCauses().pick(rng);
  }

  private Tumour tumour(CancerGroupModel group, int stage, String basis, int day, int ageHundredths, Centre centre,
      SplittableRandom rng) {
    CancerGroupModel.Site site = group.sites().pick(rng);
    String morphology = RegistryModel.knownAtDeath(basis) ? "8000/3" : group.morphologyFor(site, rng);
    return new Tumour(Pseudonyms.tumour(++tumours), group, site, morphology, stage, basis, day, ageHundredths, centre);
  }

  /** Truncated normal age in hundredths of a year, shifted at case-mix-heavy centres. */
  private static int age(CancerGroupModel g, PlantedEffects.CaseMix mix, SplittableRandom rng) {
    double mean = g.age()[0] + mix.ageShiftYears();
    double min = g.age()[2];
    double max = g.age()[3];
    for (int i = 0; i < MAX_TRIES; i++) {
      double a = mean + g.age()[1] * rng.nextGaussian();
      if (a >= min && a < max) {
        return (int) Math.round(a * 100);
      }
    }
    return (int) Math.round(Math.max(min, Math.min(max, mean)) * 100);
  }

  /** Stage from the group's mix; at case-mix-heavy centres some localized or regional tumours move one stage later. */
  private static int stage(CancerGroupModel g, PlantedEffects.CaseMix mix, SplittableRandom rng) {
    double[] w = g.stageMix();
    double u = rng.nextDouble() * (w[0] + w[1] + w[2] + w[3]);
    int stage = 0;
    while (stage < w.length - 1 && (u >= w[stage] || w[stage] == 0)) {
      u -= w[stage];
      stage++;
    }
    if (stage <= CancerGroupModel.REGIONAL && rng.nextDouble() < mix.stageUpshift()) {
      stage++;
    }
    return stage;
  }

  /** Another group, drawn by incidence and restricted to the patient's sex. */
  private Optional<CancerGroupModel> otherGroup(CancerGroupModel first, boolean male, SplittableRandom rng) {
    for (int i = 0; i < MAX_TRIES; i++) {
      CancerGroupModel g = model.incidence().pick(rng);
      if (g != first && rng.nextDouble() < g.sexShare(male)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  private static int between(int from, int to, SplittableRandom rng) {
    return from + rng.nextInt(to - from + 1);
  }
}
