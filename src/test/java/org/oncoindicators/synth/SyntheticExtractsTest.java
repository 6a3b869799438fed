package org.oncoindicators.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic extracts: deterministic, in the contract's shape, and carrying the truth they claim to carry. */
class SyntheticExtractsTest {
  private static final Path CONF = Path.of(System.getProperty("oncoindicators.project.dir", ".")).resolve("conf");
  private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
  private static final List<String> FILES = List.of(SyntheticExtracts.REGISTRY, SyntheticExtracts.CLAIMS,
      SyntheticExtracts.CENTERS, SyntheticExtracts.LIFETABLE, SyntheticExtracts.TRUTH);

  @TempDir
  static Path shared;
  static Summary summary;
  static List<List<String>> registry;
  static JsonNode truth;
  static Map<String, String> centreRegion;
  static ContractRules rules;

  @BeforeAll
  static void generateOnce() throws IOException {
    summary = generate(shared.resolve("run"), 2000, 20, 11);
    registry = data(shared.resolve("run").resolve(SyntheticExtracts.REGISTRY));
    truth = new ObjectMapper().readTree(summary.truthFile().toFile());
    centreRegion = data(shared.resolve("run").resolve(SyntheticExtracts.CENTERS)).stream()
        .collect(Collectors.toMap(r -> r.get(0), r -> r.get(2)));
    rules = new ContractRules(centreRegion.keySet(), CONF, AS_OF);
  }

  @Test
  void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
    generate(dir.resolve("a"), 500, 20, 42);
    generate(dir.resolve("b"), 500, 20, 42);
    generate(dir.resolve("c"), 500, 20, 43);
    for (String file : FILES) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
    }
    for (String file : List.of(SyntheticExtracts.REGISTRY, SyntheticExtracts.CLAIMS, SyntheticExtracts.TRUTH)) {
      assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("c").resolve(file))), file);
    }
  }

  @Test
  void headerRowsAreTheContractColumns() throws IOException {
    Path run = shared.resolve("run");
    assertEquals("tumor_id,patient_id,center_id,sex,age_at_diagnosis,diagnosis_date,residence_region,icd10,icdo3_topography,"
        + "icdo3_morphology,stage,basis_of_diagnosis,vital_status,last_contact_date,cause_of_death", firstLine(run, SyntheticExtracts.REGISTRY));
    assertEquals("claim_id,patient_id,center_id,setting,service_date,discharge_date,dx_codes,procedure_code,procedure_system,amount",
        firstLine(run, SyntheticExtracts.CLAIMS));
    assertEquals("center_id,name,region,kind", firstLine(run, SyntheticExtracts.CENTERS));
    assertEquals("year,age,sex,qx", firstLine(run, SyntheticExtracts.LIFETABLE));
  }

  @Test
  void rowCountsAgreeWithSummaryAndTruth() throws IOException {
    Path run = shared.resolve("run");
    List<List<String>> claims = data(run.resolve(SyntheticExtracts.CLAIMS));
    assertEquals(summary.registryRows(), registry.size());
    assertEquals(summary.claimRows(), claims.size());
    assertEquals(20, summary.centers());
    assertEquals(404, data(run.resolve(SyntheticExtracts.LIFETABLE)).size());
    assertEquals(registry.size(), truth.at("/counts/registry_rows").asLong());
    assertEquals(claims.size(), truth.at("/counts/claim_lines").asLong());
    assertEquals(2000, registry.stream().map(r -> r.get(1)).distinct().count());
    assertEquals(claims.size(), claims.stream().map(r -> r.get(0)).distinct().count(), "claim_id is unique per line");
    double perPatient = claims.size() / 2000.0;
    assertTrue(perPatient > 12 && perPatient < 30, "claim lines per patient: " + perPatient);
  }

  @Test
  void centresFollowTheOrderedList(@TempDir Path dir) throws IOException {
    List<List<String>> centres = data(shared.resolve("run").resolve(SyntheticExtracts.CENTERS));
    assertEquals(List.of("NATIONAL", "KR-41", "national"), List.of(centres.get(0).get(0), centres.get(0).get(2), centres.get(0).get(3)));
    assertEquals(12, centres.stream().filter(c -> c.get(3).equals("regional_cancer_center")).count());
    assertEquals("RCC-BUSAN", centres.get(1).get(0));
    assertEquals(List.of("CAP-1", "CAP-2", "CAP-3", "CAP-4"), centres.subList(13, 17).stream().map(c -> c.get(0)).toList());
    assertEquals(Set.of("spoke"), centres.subList(17, 20).stream().map(c -> c.get(3)).collect(Collectors.toSet()));
    generate(dir.resolve("three"), 50, 3, 1);
    assertEquals(3, data(dir.resolve("three").resolve(SyntheticExtracts.CENTERS)).size());
  }

  @Test
  void truthListsPlantedEffectsAtGeneratedCentres() {
    JsonNode effects = truth.get("centre_effects");
    assertTrue(effects.size() >= 8);
    long better = 0;
    for (JsonNode e : effects) {
      assertTrue(centreRegion.containsKey(e.get("center_id").asText()));
      better += e.get("excess_hazard_ratio").asDouble() < 1 ? 1 : 0;
    }
    assertTrue(better >= 4 && effects.size() - better >= 4, "better and worse pairs");
    assertTrue(truth.get("surgical_effects").size() >= 2);
    assertTrue(centreRegion.containsKey(truth.at("/case_mix/centres/0").asText()));
  }

  @Test
  void invalidRowsInTruthMatchTheRegistryAndNoOtherRowBreaksARule() {
    Map<String, Long> planted = new TreeMap<>();
    Map<String, Set<String>> idsByReason = new HashMap<>();
    for (JsonNode reason : truth.at("/invalid_rows/by_reason")) {
      planted.put(reason.get("reason").asText(), reason.get("rows").asLong());
      idsByReason.put(reason.get("reason").asText(), new HashSet<>());
      reason.get("tumor_ids").forEach(id -> idsByReason.get(reason.get("reason").asText()).add(id.asText()));
    }
    assertEquals(11, planted.size());
    planted.values().forEach(rows -> assertTrue(rows >= 1, "every reason is planted at least once"));
    Map<String, Long> found = new TreeMap<>();
    Map<String, List<List<String>>> byTumour = registry.stream()
        .collect(Collectors.groupingBy(r -> r.get(0), LinkedHashMap::new, Collectors.toList()));
    byTumour.forEach((tumour, rows) -> {
      boolean identical = rows.stream().distinct().count() == 1;
      String reason = rows.size() == 1 ? rules.reason(rows.get(0)) : identical ? "DUPLICATE_ROW" : "CONFLICTING_DUPLICATE";
      if (reason != null) {
        assertTrue(idsByReason.get(reason).contains(tumour), reason + " not in truth.json: " + rows);
        found.merge(reason, rows.size() > 1 && identical ? rows.size() - 1L : rows.size(), Long::sum);
      }
    });
    assertEquals(planted, found);
    assertEquals(planted.values().stream().mapToLong(Long::longValue).sum(), truth.at("/invalid_rows/total_rows").asLong());
  }

  @Test
  void aboutAQuarterOfNonCapitalResidentsAreTreatedInTheCapitalArea() {
    Set<String> capital = Set.of("KR-11", "KR-28", "KR-41");
    List<List<String>> outside = registry.stream()
        .filter(r -> r.size() == 15 && !capital.contains(r.get(6)) && centreRegion.containsKey(r.get(2))).toList();
    double share = outside.stream().filter(r -> capital.contains(centreRegion.get(r.get(2)))).count() / (double) outside.size();
    assertTrue(share > 0.15 && share < 0.38, "realised travel share " + share);
    assertEquals(truth.at("/travel/realised_share").asDouble(), share, 0.02);
  }

  @Test
  void thyroidSurvivesFiveYearsFarBetterThanPancreas() {
    assertTrue(fiveYearSurvival("C73") > 0.85, "thyroid");
    assertTrue(fiveYearSurvival("C25") < 0.35, "pancreas");
  }

  @Test
  void resectionsAreInpatientIcd9ProceduresAndMostChemotherapyStartsWithinEightWeeks() {
    List<List<String>> claims = data(shared.resolve("run").resolve(SyntheticExtracts.CLAIMS));
    Set<String> patients = registry.stream().map(r -> r.get(1)).collect(Collectors.toSet());
    Map<String, LocalDate> lastResection = new HashMap<>();
    Map<String, LocalDate> firstChemo = new HashMap<>();
    for (List<String> c : claims) {
      assertTrue(patients.contains(c.get(1)), "claim of a patient without a registry row: " + c);
      assertFalse(c.get(2).isEmpty(), "claim without a centre: " + c);
      LocalDate service = LocalDate.parse(c.get(4));
      assertFalse(service.isAfter(AS_OF), "claim after the extract date: " + c);
      if (c.get(8).equals("ICD-9-CM")) {
        assertEquals("inpatient", c.get(3));
        assertTrue(c.get(7).matches("\\d\\d\\.\\d\\d?"), c.get(7));
        assertTrue(c.get(5).isEmpty() || !LocalDate.parse(c.get(5)).isBefore(service));
        lastResection.put(c.get(1), service);
      } else if (c.get(8).equals("ATC")) {
        assertTrue(Set.of("outpatient", "pharmacy").contains(c.get(3)) && c.get(7).matches("L01[A-Z]{2}\\d\\d"), c.toString());
        if (lastResection.containsKey(c.get(1))) {
          firstChemo.putIfAbsent(c.get(1), service);
        }
      } else {
        assertTrue(c.get(7).isEmpty() && c.get(8).isEmpty(), "procedure code without system: " + c);
      }
    }
    long timely = firstChemo.entrySet().stream()
        .filter(e -> !e.getValue().isAfter(lastResection.get(e.getKey()).plusWeeks(8))).count();
    double share = timely / (double) firstChemo.size();
    assertTrue(firstChemo.size() > 50 && share > 0.55 && share < 0.85, "chemotherapy within 8 weeks: " + share);
  }

  @Test
  void noDirectIdentifiersAnywhere() throws IOException {
    Pattern rrn = Pattern.compile("\\d{6}-\\d{7}");
    Pattern personColumn = Pattern.compile(".*(name|phone|address|rrn|resident|birth).*");
    for (String file : FILES) {
      String text = Files.readString(shared.resolve("run").resolve(file));
      assertFalse(rrn.matcher(text).find(), file);
    }
    for (String file : List.of(SyntheticExtracts.REGISTRY, SyntheticExtracts.CLAIMS)) {
      assertFalse(personColumn.matcher(firstLine(shared.resolve("run"), file)).matches(), file);
    }
    assertTrue(registry.stream().allMatch(r -> r.get(0).matches("T\\d{7}") && r.get(1).matches("P\\d{7}")));
  }

  /** Share alive five years after diagnosis among valid tumours diagnosed at least five years before the extract date. */
  private static double fiveYearSurvival(String category) {
    long alive = 0;
    long total = 0;
    for (List<String> r : registry) {
      if (r.size() != 15 || !r.get(7).strip().toUpperCase().startsWith(category) || rules.reason(r) != null) {
        continue;
      }
      LocalDate diagnosis = LocalDate.parse(r.get(5));
      LocalDate contact = LocalDate.parse(r.get(13));
      boolean dead = r.get(12).equals("dead") || r.get(12).equals("1");
      if (diagnosis.plusYears(5).isAfter(AS_OF) || (!dead && contact.isBefore(diagnosis.plusYears(5)))) {
        continue;
      }
      total++;
      alive += !dead || contact.isAfter(diagnosis.plusYears(5)) ? 1 : 0;
    }
    assertTrue(total >= 5, "too few " + category + " tumours: " + total);
    return alive / (double) total;
  }

  private static Summary generate(Path out, int patients, int centres, long seed) throws IOException {
    return SyntheticExtracts.write(new GeneratorSettings(out, patients, centres, seed, AS_OF, CONF));
  }

  private static List<List<String>> data(Path file) {
    List<List<String>> records = ReferenceCsv.records(file);
    return records.subList(1, records.size());
  }

  private static String firstLine(Path dir, String file) throws IOException {
    return Files.readAllLines(dir.resolve(file)).get(0);
  }
}
