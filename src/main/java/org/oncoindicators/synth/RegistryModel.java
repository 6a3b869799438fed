package org.oncoindicators.synth;

import com.typesafe.config.Config;

/** How registry records are written down: diagnosis window, second primaries, follow-up loss and spelling noise. */
record RegistryModel(int windowYears, int gapDays, double secondPrimaryShare, int secondPrimaryMinDays,
    double lostToFollowUpShare, double numericSexShare, double numericVitalShare, double messyIcd10Share,
    double topographyShare, double invalidRowShare, WeightedChoice<String> basis) {

  static final String DCO = "DCO";
  static final String AUTOPSY = "autopsy";

  static RegistryModel from(Config c) {
    return new RegistryModel(c.getInt("diagnosis-window-years"), c.getInt("diagnosis-gap-days"),
        c.getDouble("second-primary-share"), c.getInt("second-primary-min-days"), c.getDouble("lost-to-follow-up-share"),
        c.getDouble("numeric-sex-share"), c.getDouble("numeric-vital-share"), c.getDouble("messy-icd10-share"),
        c.getDouble("topography-share"), c.getDouble("invalid-row-share"), WeightedChoice.pairs(c, "basis"));
  }

  /** DCO and autopsy cases are known only at death: diagnosis date = death date. */
  static boolean knownAtDeath(String basis) {
    return DCO.equals(basis) || AUTOPSY.equals(basis);
  }
}
