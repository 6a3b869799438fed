package org.oncoindicators.synth;

/** One simulated primary tumour as the registry knows it; days are epoch days, age in hundredths of a year. */
record Tumour(String tumorId, CancerGroupModel group, CancerGroupModel.Site site, String morphology, int stage, String basis,
    int diagnosisDay, int ageHundredths, Centre centre) {

  double age() {
    return ageHundredths / 100.0;
  }

  String stageName() {
    return CancerGroupModel.STAGES.get(stage);
  }

  /** The canonical ICD-10 code (C16.9), used on claims and as cause of death. */
  String icd10() {
    return site.code();
  }
}
