package org.oncoindicators.synth;

import java.util.List;
import java.util.Optional;

/**
 * One simulated patient: residence, comorbidities, tumours with their resections, the true death day
 * (epoch day, Integer.MAX_VALUE if alive at the extract date) and what the registry records.
 */
record SimulatedPatient(int index, String patientId, boolean male, String region, List<ComorbidityModel.Diagnosis> comorbidities,
    int charlson, List<Course> tumours, int deathDay, String causeOfDeath, int lastContactDay, boolean registryDead) {

  /** A tumour and its resection, if any. */
  record Course(Tumour tumour, Optional<SurgeryDraw.Resection> resection) {}
}
