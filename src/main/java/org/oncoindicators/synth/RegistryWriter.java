package org.oncoindicators.synth;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes registry.csv, one row per tumour, with the everyday noise of real extracts (ICD-10 spellings,
 * numeric sex and vital status codes, topography only half the time) and hands the rows of the
 * patients chosen by the {@link InvalidRowPlanter} over to be spoiled.
 */
final class RegistryWriter implements Closeable {
  private final CsvWriter out;
  private final RegistryModel noise;
  private final InvalidRowPlanter planter;

  RegistryWriter(Path file, RegistryModel noise, InvalidRowPlanter planter) throws IOException {
    this.out = new CsvWriter(file, RegistryColumn.header());
    this.noise = noise;
    this.planter = planter;
  }

  void write(SimulatedPatient p, SplittableRandom rng) throws IOException {
    for (SimulatedPatient.Course course : p.tumours()) {
      String[] row = row(p, course.tumour(), rng);
      boolean spoiled = course == p.tumours().get(0) && planter.reasonFor(p.index()).isPresent();
      List<String[]> rows = spoiled ? planter.plant(p.index(), row) : List.<String[]>of(row);
      for (String[] r : rows) {
        out.row(r);
      }
    }
  }

  long rows() {
    return out.rows();
  }

  private String[] row(SimulatedPatient p, Tumour t, SplittableRandom rng) {
    String[] row = new String[RegistryColumn.values().length];
    row[RegistryColumn.TUMOR_ID.ordinal()] = t.tumorId();
    row[RegistryColumn.PATIENT_ID.ordinal()] = p.patientId();
    row[RegistryColumn.CENTER_ID.ordinal()] = t.centre().id();
    boolean numericSex = rng.nextDouble() < noise.numericSexShare();
    row[RegistryColumn.SEX.ordinal()] = p.male() ? (numericSex ? "1" : "M") : (numericSex ? "2" : "F");
    row[RegistryColumn.AGE_AT_DIAGNOSIS.ordinal()] = hundredths(t.ageHundredths());
    row[RegistryColumn.DIAGNOSIS_DATE.ordinal()] = date(t.diagnosisDay());
    row[RegistryColumn.RESIDENCE_REGION.ordinal()] = p.region();
    row[RegistryColumn.ICD10.ordinal()] = rng.nextDouble() < noise.messyIcd10Share() ? messy(t.icd10(), rng) : t.icd10();
    boolean topography = t.group().topography() && !RegistryModel.knownAtDeath(t.basis())
        && rng.nextDouble() < noise.topographyShare();
    row[RegistryColumn.ICDO3_TOPOGRAPHY.ordinal()] = topography ? t.site().topography() : "";
    row[RegistryColumn.ICDO3_MORPHOLOGY.ordinal()] = t.morphology();
    row[RegistryColumn.STAGE.ordinal()] = t.stageName();
    row[RegistryColumn.BASIS_OF_DIAGNOSIS.ordinal()] = t.basis();
    boolean numericVital = rng.nextDouble() < noise.numericVitalShare();
    row[RegistryColumn.VITAL_STATUS.ordinal()] = p.registryDead() ? (numericVital ? "1" : "dead") : (numericVital ? "0" : "alive");
    row[RegistryColumn.LAST_CONTACT_DATE.ordinal()] = date(p.lastContactDay());
    row[RegistryColumn.CAUSE_OF_DEATH.ordinal()] = p.causeOfDeath();
    return row;
  }

  /** Common ways a valid code gets written: C169, "c16.9 ", " C16.9" and the KCD extra digit C16.90. */
  static String messy(String code, SplittableRandom rng) {
    int style = rng.nextInt(code.length() == 3 ? 2 : 4);
    return switch (style) {
      case 0 -> code.toLowerCase(Locale.ROOT) + " ";
      case 1 -> " " + code;
      case 2 -> code.replace(".", "");
      default -> code + "0";
    };
  }

  static String date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  static String hundredths(int value) {
    int whole = value / 100;
    int cents = value % 100;
    return whole + (cents < 10 ? ".0" : ".") + cents;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
