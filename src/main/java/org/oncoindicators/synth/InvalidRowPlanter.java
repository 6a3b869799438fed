package org.oncoindicators.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Chooses, before any row is written, the patients whose first registry row is spoiled, one reason code
 * of the extract contract per row (each reason at least once when there are enough patients), spoils
 * each row in exactly one way, and remembers the tumour ids per reason for truth.json.
 */
final class InvalidRowPlanter {
  /** Reason codes of the extract contract that the generator plants. */
  enum Reason {
    INVALID_DATE, FUTURE_DATE, CONTACT_BEFORE_DIAGNOSIS, INVALID_AGE, INVALID_SEX, UNKNOWN_CENTER, UNMAPPED_SITE,
    INVALID_SITE_MORPHOLOGY, MALFORMED_ROW, DUPLICATE_ROW, CONFLICTING_DUPLICATE;

    /** False only for an exact duplicate, where one copy is kept. */
    boolean removesTumour() {
      return this != DUPLICATE_ROW;
    }

    /** Registry rows that the reason applies to per planted tumour: both rows of a conflicting pair. */
    int rowsPerTumour() {
      return this == CONFLICTING_DUPLICATE ? 2 : 1;
    }
  }

  private static final int MALFORMED_FIELDS = 9;
  /** Future diagnoses lie this far past the extract date, so they are future for any closing date a run may use. */
  private static final int FUTURE_YEARS = 5;
  private final Map<Integer, Reason> byPatient = new HashMap<>();
  private final Map<Reason, List<String>> planted = new EnumMap<>(Reason.class);
  private final Map<Reason, Integer> seen = new EnumMap<>(Reason.class);
  private final SplittableRandom rng;
  private final LocalDate asOf;

  InvalidRowPlanter(long seed, int patients, double share, LocalDate asOf) {
    this.rng = new SplittableRandom(seed ^ 0x5EED_1BAD_0F_F00DL);
    this.asOf = asOf;
    Reason[] reasons = Reason.values();
    int count = (int) Math.min(patients, Math.max(reasons.length, Math.round(share * patients)));
    List<Integer> chosen = new ArrayList<>(floyd(patients, count));
    for (int i = chosen.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Integer swap = chosen.get(i);
      chosen.set(i, chosen.get(j));
      chosen.set(j, swap);
    }
    for (int i = 0; i < chosen.size(); i++) {
      byPatient.put(chosen.get(i), reasons[i % reasons.length]);
    }
    for (Reason r : reasons) {
      planted.put(r, new ArrayList<>());
      seen.put(r, 0);
    }
  }

  Optional<Reason> reasonFor(int patientIndex) {
    return Optional.ofNullable(byPatient.get(patientIndex));
  }

  /** The rows to write instead of the given valid row. */
  List<String[]> plant(int patientIndex, String[] valid) {
    Reason reason = byPatient.get(patientIndex);
    int variant = seen.merge(reason, 1, Integer::sum) - 1;
    planted.get(reason).add(valid[RegistryColumn.TUMOR_ID.ordinal()]);
    String[] row = valid.clone();
    LocalDate diagnosis = LocalDate.parse(valid[RegistryColumn.DIAGNOSIS_DATE.ordinal()]);
    switch (reason) {
      case INVALID_DATE -> {
        if (variant % 2 == 0) {
          set(row, RegistryColumn.DIAGNOSIS_DATE, diagnosis.getYear() + "-13-45");
        } else {
          set(row, RegistryColumn.LAST_CONTACT_DATE, diagnosis.getYear() + "-02-30");
        }
      }
      case FUTURE_DATE -> {
        String future = asOf.plusYears(FUTURE_YEARS).plusDays(rng.nextInt(365)).toString();
        set(row, RegistryColumn.DIAGNOSIS_DATE, future);
        set(row, RegistryColumn.LAST_CONTACT_DATE, future);
        set(row, RegistryColumn.VITAL_STATUS, "alive");
        set(row, RegistryColumn.CAUSE_OF_DEATH, "");
      }
      case CONTACT_BEFORE_DIAGNOSIS -> set(row, RegistryColumn.LAST_CONTACT_DATE, diagnosis.minusDays(1 + rng.nextInt(365)).toString());
      case INVALID_AGE -> set(row, RegistryColumn.AGE_AT_DIAGNOSIS, variant % 2 == 0 ? "130" : "");
      case INVALID_SEX -> set(row, RegistryColumn.SEX, "X");
      case UNKNOWN_CENTER -> set(row, RegistryColumn.CENTER_ID, "CTR-UNKNOWN-" + (variant + 1));
      case UNMAPPED_SITE -> {
        set(row, RegistryColumn.ICD10, variant % 2 == 0 ? "Z99.9" : "");
        set(row, RegistryColumn.ICDO3_TOPOGRAPHY, "");
      }
      case INVALID_SITE_MORPHOLOGY -> { // a hepatocellular carcinoma of the stomach
        set(row, RegistryColumn.ICD10, "C16.9");
        set(row, RegistryColumn.ICDO3_TOPOGRAPHY, "");
        set(row, RegistryColumn.ICDO3_MORPHOLOGY, "8170/3");
      }
      case MALFORMED_ROW -> row = Arrays.copyOf(row, MALFORMED_FIELDS);
      case DUPLICATE_ROW -> {
        return List.of(valid, row);
      }
      case CONFLICTING_DUPLICATE -> {
        String stage = valid[RegistryColumn.STAGE.ordinal()];
        set(row, RegistryColumn.STAGE, "localized".equals(stage) ? "regional" : "localized");
        return List.of(valid, row);
      }
    }
    return List.<String[]>of(row);
  }

  /** Tumour ids per reason, in file order; every reason is listed, possibly with none. */
  Map<Reason, List<String>> planted() {
    return planted;
  }

  private static void set(String[] row, RegistryColumn column, String value) {
    row[column.ordinal()] = value;
  }

  /** Floyd's algorithm: count distinct indices of [0, n), deterministic for the generator's state. */
  private TreeSet<Integer> floyd(int n, int count) {
    TreeSet<Integer> chosen = new TreeSet<>();
    for (int j = n - count; j < n; j++) {
      int t = rng.nextInt(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    return chosen;
  }
}
