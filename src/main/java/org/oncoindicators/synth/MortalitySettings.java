package org.oncoindicators.synth;

import com.typesafe.config.Config;

/** Comorbidity's effect on background mortality and how causes of death are coded. */
record MortalitySettings(double backgroundHrPerCharlsonPoint, double cancerCauseShare, double comorbidityCauseShare,
    WeightedChoice<String> nonCancerCauses) {

  static MortalitySettings from(Config c) {
    return new MortalitySettings(c.getDouble("background-hr-per-charlson-point"), c.getDouble("cancer-cause-share"),
        c.getDouble("comorbidity-cause-share"), WeightedChoice.pairs(c, "non-cancer-causes"));
  }
}
