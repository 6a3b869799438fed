package org.oncoindicators.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The public reference files of conf/reference/ that the generator builds on. */
record ReferenceData(Map<String, Group> groups, List<Charlson> charlson, Map<String, Region> regions,
    List<RegionalCentre> regionalCentres, LifeTable lifeTable) {

  /** A KCCR cancer group: its ICD-10 three-character categories and sex restriction (F, M or blank). */
  record Group(String key, Set<String> categories, String sexSpecific) {}

  /** A Quan ICD-10 Charlson condition with its 1987 weight and the condition that suppresses it. */
  record Charlson(String key, List<String> prefixes, int weight, String suppressedBy) {}

  /** A first-level division of South Korea. */
  record Region(String iso, String key, boolean capital) {}

  /** A designated regional cancer centre: its key and region; the host hospital is not used. */
  record RegionalCentre(String key, String region) {}

  static ReferenceData load(Path confDir) {
    Path dir = confDir.resolve("reference");
    return new ReferenceData(groups(dir.resolve("cancer_groups_icd10.csv")), charlson(dir.resolve("charlson_quan_icd10.csv")),
        regions(dir.resolve("korea_regions.csv")), regionalCentres(dir.resolve("korea_regional_cancer_centres.csv")),
        LifeTable.read(dir.resolve("lifetable_kr.csv")));
  }

  boolean isCapital(String region) {
    Region r = regions.get(region);
    return r != null && r.capital();
  }

  private static Map<String, Group> groups(Path file) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceCsv.read(file)) {
      Set<String> categories = new LinkedHashSet<>(List.of(row.get("icd10_3char_codes").split(";")));
      groups.put(row.get("key"), new Group(row.get("key"), categories, row.get("sex_specific")));
    }
    return groups;
  }

  private static List<Charlson> charlson(Path file) {
    List<Charlson> conditions = new ArrayList<>();
    for (Map<String, String> row : ReferenceCsv.read(file)) {
      String rule = row.get("hierarchy_rule");
      String suppressedBy = rule.startsWith("suppressed if ") ? rule.substring(14).split(" ")[0] : "";
      conditions.add(new Charlson(row.get("condition_key"), List.of(row.get("icd10_prefixes").split(";")),
          Integer.parseInt(row.get("weight_charlson_1987")), suppressedBy));
    }
    return conditions;
  }

  private static Map<String, Region> regions(Path file) {
    Map<String, Region> regions = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceCsv.read(file)) {
      String iso = row.get("iso_3166_2");
      regions.put(iso, new Region(iso, row.get("key"), "1".equals(row.get("capital_area"))));
    }
    return regions;
  }

  private static List<RegionalCentre> regionalCentres(Path file) {
    return ReferenceCsv.read(file).stream()
        .map(row -> new RegionalCentre(row.get("key"), row.get("region_iso_3166_2")))
        .toList();
  }
}
