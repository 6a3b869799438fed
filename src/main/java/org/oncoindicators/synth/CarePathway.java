package org.oncoindicators.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a simulated patient into claim lines: visits for other complaints and for Charlson conditions in
 * the year before diagnosis, the diagnostic work-up (often at a referring centre), the resection with its
 * readmissions, adjuvant chemotherapy after resection of regional tumours, and routine follow-up until
 * death or the extract date.
 */
final class CarePathway {
  private final ClaimsModel model;
  private final CentreChooser chooser;
  private final int asOfDay;

  CarePathway(ClaimsModel model, CentreChooser chooser, int asOfDay) {
    this.model = model;
    this.chooser = chooser;
    this.asOfDay = asOfDay;
  }

  List<ClaimLine> lines(SimulatedPatient p, SplittableRandom rng) {
    List<ClaimLine> lines = new ArrayList<>(32);
    Tumour first = p.tumours().get(0).tumour();
    Centre home = chooser.referral(p.region(), first.centre(), rng);
    for (int i = between(model.otherVisits().count(), rng); i > 0; i--) {
      lines.add(ClaimLine.visit(first.diagnosisDay() - between(model.otherVisits().daysBefore(), rng), home,
          model.otherCodes().pick(rng), amount(model.otherVisits().amount(), rng)));
    }
    for (ComorbidityModel.Diagnosis d : p.comorbidities()) {
      for (int i = between(model.comorbidity().count(), rng); i > 0; i--) {
        lines.add(ClaimLine.visit(first.diagnosisDay() - between(model.comorbidity().daysBefore(), rng), home, d.code(),
            amount(model.comorbidity().amount(), rng)));
      }
    }
    int endDay = Math.min(p.deathDay(), asOfDay + 1);
    int followUpFrom = first.diagnosisDay() + model.followUp().startAfterDays();
    for (SimulatedPatient.Course course : p.tumours()) {
      Tumour t = course.tumour();
      if (RegistryModel.knownAtDeath(t.basis())) {
        continue;
      }
      workup(p, t, lines, rng);
      if (course.resection().isPresent()) {
        SurgeryDraw.Resection r = course.resection().get();
        lines.add(new ClaimLine(r.day(), discharge(r.dischargeDay()), t.centre(), ClaimLine.INPATIENT, withComorbidity(t, p),
            r.procedure(), ClaimLine.ICD9CM, amount(model.resectionAmount(), rng)));
        readmission(t, r, endDay, lines, rng);
        chemotherapy(t, r, endDay, lines, rng);
        if (t == first) {
          followUpFrom = Math.max(followUpFrom, r.dischargeDay() + 1);
        }
      }
    }
    followUp(p, followUpFrom, endDay, lines, rng);
    return lines;
  }

  private void workup(SimulatedPatient p, Tumour t, List<ClaimLine> lines, SplittableRandom rng) {
    for (int i = between(model.workup().count(), rng); i > 0; i--) {
      Centre centre = rng.nextDouble() < model.workupOtherCentreShare() ? chooser.referral(p.region(), t.centre(), rng) : t.centre();
      lines.add(ClaimLine.visit(t.diagnosisDay() - between(model.workup().daysBefore(), rng), centre, t.icd10(),
          amount(model.workup().amount(), rng)));
    }
  }

  private void readmission(Tumour t, SurgeryDraw.Resection r, int endDay, List<ClaimLine> lines, SplittableRandom rng) {
    ClaimsModel.Readmission model = this.model.readmission();
    if (r.dischargeDay() + 1 >= endDay || rng.nextDouble() >= model.share()) {
      return;
    }
    int day = r.dischargeDay() + between(model.withinDays(), rng);
    if (day < endDay) {
      int out = Math.min(day + between(model.los(), rng), endDay - 1);
      lines.add(new ClaimLine(day, discharge(out), t.centre(), ClaimLine.INPATIENT, model.codes().pick(rng) + "|" + t.icd10(), "",
          "", amount(model.amount(), rng)));
    }
  }

  private void chemotherapy(Tumour t, SurgeryDraw.Resection r, int endDay, List<ClaimLine> lines, SplittableRandom rng) {
    if (t.stage() != CancerGroupModel.REGIONAL || t.group().chemo().isEmpty()
        || rng.nextDouble() >= t.group().chemo().get().share()) {
      return;
    }
    CancerGroupModel.Chemo chemo = t.group().chemo().get();
    ClaimsModel.ChemoTiming timing = model.chemo();
    int start = r.day() + between(rng.nextDouble() < timing.timelyShare() ? timing.timelyDays() : timing.lateDays(), rng);
    for (int cycle = 0; cycle < chemo.cycles(); cycle++) {
      int day = start + cycle * chemo.intervalDays();
      if (day >= endDay) {
        return;
      }
      for (CancerGroupModel.Drug drug : chemo.drugs()) {
        boolean pharmacy = ClaimLine.PHARMACY.equals(drug.setting());
        lines.add(new ClaimLine(day, ClaimLine.NO_DAY, t.centre(), drug.setting(), t.icd10(), drug.atc(), ClaimLine.ATC,
            amount(pharmacy ? timing.pharmacyAmount() : timing.outpatientAmount(), rng)));
      }
    }
  }

  private void followUp(SimulatedPatient p, int from, int endDay, List<ClaimLine> lines, SplittableRandom rng) {
    ClaimsModel.FollowUp f = model.followUp();
    Tumour first = p.tumours().get(0).tumour();
    for (int day = from; day < endDay; ) {
      Tumour latest = first;
      for (SimulatedPatient.Course c : p.tumours()) {
        if (c.tumour().diagnosisDay() <= day) {
          latest = c.tumour();
        }
      }
      String dx = !p.comorbidities().isEmpty() && rng.nextDouble() < f.comorbidityDxShare()
          ? latest.icd10() + "|" + p.comorbidities().get(rng.nextInt(p.comorbidities().size())).code() : latest.icd10();
      lines.add(ClaimLine.visit(day, latest.centre(), dx, amount(f.amount(), rng)));
      double years = (day - first.diagnosisDay()) / ExcessHazard.DAYS_PER_YEAR;
      day += Math.max(1, f.intervalAt(years) + rng.nextInt(2 * f.jitterDays() + 1) - f.jitterDays());
    }
  }

  private String withComorbidity(Tumour t, SimulatedPatient p) {
    StringBuilder dx = new StringBuilder(t.icd10());
    p.comorbidities().stream().limit(2).forEach(d -> dx.append('|').append(d.code()));
    return dx.toString();
  }

  private int discharge(int day) {
    return day > asOfDay ? ClaimLine.NO_DAY : day;
  }

  private static int between(int[] range, SplittableRandom rng) {
    return SurgeryDraw.between(range, rng);
  }

  private static long amount(int[] range, SplittableRandom rng) {
    return between(range, rng) / 10 * 10L;
  }
}
