package org.oncoindicators.synth;

/** One claim line before it gets its claim_id; days are epoch days, dischargeDay is -1 when empty. */
record ClaimLine(int serviceDay, int dischargeDay, Centre centre, String setting, String dxCodes, String procedureCode,
    String procedureSystem, long amount) {
  static final String INPATIENT = "inpatient";
  static final String OUTPATIENT = "outpatient";
  static final String PHARMACY = "pharmacy";
  static final String ICD9CM = "ICD-9-CM";
  static final String ATC = "ATC";
  static final int NO_DAY = -1;

  static ClaimLine visit(int day, Centre centre, String dxCodes, long amount) {
    return new ClaimLine(day, NO_DAY, centre, OUTPATIENT, dxCodes, "", "", amount);
  }
}
