package org.oncoindicators.synth;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what the generator planted and what it realised while the extracts stream out, and writes
 * truth.json: seed, counts, centre and surgical effects, case-mix centres, travel shares, invalid rows.
 * Realised figures count the tumours whose registry row is valid (an exact duplicate keeps its tumour).
 */
final class TruthFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OTHER_CENTRES = "all_other_centres";

  private final GeneratorSettings settings;
  private final SyntheticModel model;
  private final PlantedEffects effects;
  private final ReferenceData reference;
  private final Map<String, long[]> byCentreGroup = new HashMap<>();
  private final Map<String, double[]> caseMix = new TreeMap<>();
  private final Map<String, long[]> travelByRegion = new TreeMap<>();
  private final long[] totals = new long[Total.values().length];

  /** The counts block of truth.json. */
  private enum Total { PATIENTS, VALID_TUMOURS, SECOND_PRIMARIES, DEATHS, DCO_OR_AUTOPSY, RESECTIONS, POSTOP_DEATHS_30D, POSTOP_DEATHS_90D }

  TruthFile(GeneratorSettings settings, SyntheticModel model, PlantedEffects effects, ReferenceData reference) {
    this.settings = settings;
    this.model = model;
    this.effects = effects;
    this.reference = reference;
  }

  void record(SimulatedPatient p, boolean firstRowRemoved) {
    totals[Total.PATIENTS.ordinal()]++;
    totals[Total.SECOND_PRIMARIES.ordinal()] += p.tumours().size() - 1;
    totals[Total.DEATHS.ordinal()] += p.registryDead() ? 1 : 0;
    for (SimulatedPatient.Course course : p.tumours()) {
      if (firstRowRemoved && course == p.tumours().get(0)) {
        continue;
      }
      Tumour t = course.tumour();
      totals[Total.VALID_TUMOURS.ordinal()]++;
      totals[Total.DCO_OR_AUTOPSY.ordinal()] += RegistryModel.knownAtDeath(t.basis()) ? 1 : 0;
      long[] pair = byCentreGroup.computeIfAbsent(t.centre().id() + '|' + t.group().key(), k -> new long[4]);
      pair[0]++;
      course.resection().ifPresent(r -> {
        pair[1]++;
        pair[2] += r.diedWithin(30) ? 1 : 0;
        pair[3] += r.diedWithin(90) ? 1 : 0;
        totals[Total.RESECTIONS.ordinal()]++;
        totals[Total.POSTOP_DEATHS_30D.ordinal()] += r.diedWithin(30) ? 1 : 0;
        totals[Total.POSTOP_DEATHS_90D.ordinal()] += r.diedWithin(90) ? 1 : 0;
      });
      String mixKey = effects.caseMixCentres().contains(t.centre().id()) ? t.centre().id() : OTHER_CENTRES;
      double[] mix = caseMix.computeIfAbsent(mixKey, k -> new double[4]);
      mix[0]++;
      mix[1] += t.age();
      mix[2] += p.charlson();
      mix[3] += t.stage() == CancerGroupModel.DISTANT ? 1 : 0;
      if (!reference.isCapital(p.region())) {
        long[] travel = travelByRegion.computeIfAbsent(p.region(), k -> new long[2]);
        travel[0]++;
        travel[1] += reference.isCapital(t.centre().region()) ? 1 : 0;
      }
    }
  }

  void write(Path file, long registryRows, long claimLines, int centres, Map<InvalidRowPlanter.Reason, List<String>> invalid)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("generator", SyntheticExtracts.class.getName());
    root.put("parameters_file", "conf/" + SyntheticModel.FILE);
    root.put("seed", settings.seed());
    root.put("as_of", settings.asOf().toString());
    ObjectNode counts = root.putObject("counts");
    counts.put("patients", totals[Total.PATIENTS.ordinal()]);
    counts.put("centres", centres);
    counts.put("registry_rows", registryRows);
    counts.put("claim_lines", claimLines);
    for (Total t : Total.values()) {
      counts.put(t.name().toLowerCase(Locale.ROOT), totals[t.ordinal()]);
    }
    ArrayNode excess = root.putArray("centre_effects");
    for (PlantedEffects.Pair pair : effects.excessEffects()) {
      ObjectNode n = pairNode(excess, pair, "excess_hazard_ratio");
      n.put("tumours", counts(pair)[0]);
    }
    ArrayNode surgical = root.putArray("surgical_effects");
    for (PlantedEffects.Pair pair : effects.surgicalEffects()) {
      ObjectNode n = pairNode(surgical, pair, "postop_mortality_odds_ratio");
      long[] c = counts(pair);
      n.put("resections", c[1]);
      n.put("deaths_30d", c[2]);
      n.put("deaths_90d", c[3]);
    }
    caseMixNode(root.putObject("case_mix"));
    travelNode(root.putObject("travel"));
    invalidNode(root.putObject("invalid_rows"), invalid);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    Files.writeString(file, JSON.writer(printer).writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  private ObjectNode pairNode(ArrayNode array, PlantedEffects.Pair pair, String ratioName) {
    ObjectNode n = array.addObject();
    n.put("center_id", pair.centreId());
    n.put("cancer_group", pair.group());
    n.put(ratioName, pair.ratio());
    return n;
  }

  private long[] counts(PlantedEffects.Pair pair) {
    return byCentreGroup.getOrDefault(pair.centreId() + '|' + pair.group(), new long[4]);
  }

  private void caseMixNode(ObjectNode node) {
    PlantedEffects.CaseMix profile = effects.caseMixProfile();
    node.put("note", "older, more comorbid, later-stage patients and no centre effect: crude rates look worse, adjusted ones should not");
    node.put("age_shift_years", profile.ageShiftYears());
    node.put("comorbidity_odds_ratio", profile.comorbidityOddsRatio());
    node.put("stage_upshift_probability", profile.stageUpshift());
    ArrayNode realised = node.putArray("realised");
    caseMix.forEach((centre, m) -> {
      ObjectNode n = realised.addObject();
      n.put("center_id", centre);
      n.put("tumours", (long) m[0]);
      n.put("mean_age", round(m[1] / m[0]));
      n.put("mean_charlson", round(m[2] / m[0]));
      n.put("distant_share", round(m[3] / m[0]));
    });
    ArrayNode centres = node.putArray("centres");
    effects.caseMixCentres().forEach(centres::add);
  }

  private void travelNode(ObjectNode node) {
    ArrayNode capital = node.putArray("capital_regions");
    reference.regions().values().stream().filter(ReferenceData.Region::capital).forEach(r -> capital.add(r.iso()));
    node.put("definition", "share of valid tumours of non-capital residents treated at a centre in a capital region");
    node.put("configured_share", round(model.travel().configuredShare(model.groups(), reference)));
    long residents = travelByRegion.values().stream().mapToLong(v -> v[0]).sum();
    long travelled = travelByRegion.values().stream().mapToLong(v -> v[1]).sum();
    node.put("realised_share", residents == 0 ? 0 : round((double) travelled / residents));
    ArrayNode byRegion = node.putArray("by_region");
    travelByRegion.forEach((region, v) -> {
      ObjectNode n = byRegion.addObject();
      n.put("region", region);
      n.put("configured_share", round(model.travel().configuredShare(region, model.groups())));
      n.put("tumours", v[0]);
      n.put("realised_share", round((double) v[1] / v[0]));
    });
  }

  private static void invalidNode(ObjectNode node, Map<InvalidRowPlanter.Reason, List<String>> invalid) {
    node.put("note", "rows = registry rows the reason applies to (a duplicate counts its copy, a conflicting pair both rows); "
        + "FUTURE_DATE diagnoses are 5 to 6 years after as_of; each row breaks exactly one rule");
    node.put("total_rows", invalid.entrySet().stream().mapToLong(e -> (long) e.getValue().size() * e.getKey().rowsPerTumour()).sum());
    ArrayNode byReason = node.putArray("by_reason");
    invalid.forEach((reason, ids) -> {
      ObjectNode n = byReason.addObject();
      n.put("reason", reason.name());
      n.put("rows", (long) ids.size() * reason.rowsPerTumour());
      ArrayNode tumours = n.putArray("tumor_ids");
      ids.forEach(tumours::add);
    });
  }

  private static double round(double value) {
    return Math.round(value * 10000) / 10000.0;
  }
}
