package org.oncoindicators.synth;

/** One synthetic treating centre, as written to centers.csv. */
record Centre(String id, String name, String region, String kind) {
  static final String NATIONAL = "national";
  static final String REGIONAL = "regional_cancer_center";
  static final String HUB = "hub";
  static final String SPOKE = "spoke";
}
