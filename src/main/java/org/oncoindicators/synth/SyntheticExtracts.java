package org.oncoindicators.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Deterministic synthetic extracts in the canonical contract, with known answers: registry.csv,
 * claims.csv, centers.csv, lifetable.csv and truth.json. The model is conf/synthetic-model.conf; the
 * same settings always give byte-identical files, and patients stream out one at a time.
 */
public final class SyntheticExtracts {
  public static final String REGISTRY = "registry.csv";
  public static final String CLAIMS = "claims.csv";
  public static final String CENTERS = "centers.csv";
  public static final String LIFETABLE = "lifetable.csv";
  public static final String TRUTH = "truth.json";

  private SyntheticExtracts() {}

  /** Writes registry.csv, claims.csv, centers.csv, lifetable.csv and truth.json into outDir. */
  public static Summary write(GeneratorSettings settings) throws IOException {
    ReferenceData reference = ReferenceData.load(settings.confDir());
    SyntheticModel model = SyntheticModel.load(settings.confDir(), reference);
    List<Centre> centres = SyntheticCentres.build(settings.centers(), model.centres(), reference);
    Set<String> centreIds = centres.stream().map(Centre::id).collect(Collectors.toSet());
    Set<String> groupKeys = model.groups().stream().map(CancerGroupModel::key).collect(Collectors.toSet());
    PlantedEffects effects = PlantedEffects.from(model.planted(), centreIds, groupKeys);
    CentreChooser chooser = new CentreChooser(centres, model.travel(), reference);
    PatientSimulator simulator = new PatientSimulator(model, chooser, effects,
        new SurvivalDraw(reference.lifeTable(), model.excessHazard()), new SurgeryDraw(model.surgeryRisk(), effects),
        settings.asOf());
    CarePathway care = new CarePathway(model.claims(), chooser, (int) settings.asOf().toEpochDay());
    InvalidRowPlanter planter = new InvalidRowPlanter(settings.seed(), settings.patients(),
        model.registry().invalidRowShare(), settings.asOf());
    TruthFile truth = new TruthFile(settings, model, effects, reference);

    Path out = settings.outDir();
    Files.createDirectories(out);
    SyntheticCentres.write(centres, out.resolve(CENTERS));
    reference.lifeTable().write(out.resolve(LIFETABLE));
    long registryRows;
    long claimRows;
    SplittableRandom master = new SplittableRandom(settings.seed());
    try (RegistryWriter registry = new RegistryWriter(out.resolve(REGISTRY), model.registry(), planter);
        ClaimsWriter claims = new ClaimsWriter(out.resolve(CLAIMS))) {
      for (int i = 0; i < settings.patients(); i++) {
        SplittableRandom simulation = master.split();
        SplittableRandom recording = master.split();
        SplittableRandom billing = master.split();
        SimulatedPatient patient = simulator.simulate(i, simulation);
        registry.write(patient, recording);
        claims.write(patient.patientId(), care.lines(patient, billing));
        truth.record(patient, planter.reasonFor(i).map(InvalidRowPlanter.Reason::removesTumour).orElse(false));
      }
      registryRows = registry.rows();
      claimRows = claims.rows();
    }
    Path truthFile = out.resolve(TRUTH);
    truth.write(truthFile, registryRows, claimRows, centres.size(), planter.planted());
    return new Summary(registryRows, claimRows, centres.size(), truthFile);
  }
}
