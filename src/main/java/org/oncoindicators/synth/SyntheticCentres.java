package org.oncoindicators.synth;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ordered centre list: one national centre, the regional cancer centres of the reference file
 * (generic names, never the host hospital's), the capital-area hubs, then spokes round-robin over the
 * configured regions. A run with M centres takes the first M.
 */
final class SyntheticCentres {
  static final String[] HEADER = {"center_id", "name", "region", "kind"};

  private SyntheticCentres() {}

  static List<Centre> build(int count, Config c, ReferenceData reference) {
    List<Centre> centres = new ArrayList<>();
    Config national = c.getConfig("national");
    centres.add(new Centre(national.getString("id"), national.getString("name"), region(national.getString("region"), reference),
        Centre.NATIONAL));
    for (ReferenceData.RegionalCentre rcc : reference.regionalCentres()) {
      String words = title(rcc.key());
      centres.add(new Centre("RCC-" + rcc.key().toUpperCase(Locale.ROOT).replace('_', '-'), words + " Regional Cancer Centre",
          region(rcc.region(), reference), Centre.REGIONAL));
    }
    List<String> hubs = c.getStringList("hub-regions");
    for (int i = 0; i < hubs.size(); i++) {
      centres.add(new Centre("CAP-" + (i + 1), "Capital Hub Hospital " + (i + 1), region(hubs.get(i), reference), Centre.HUB));
    }
    List<String> spokeRegions = c.getStringList("spoke-regions");
    Map<String, Integer> perRegion = new HashMap<>();
    for (int s = 0; centres.size() < count; s++) {
      String region = region(spokeRegions.get(s % spokeRegions.size()), reference);
      int n = perRegion.merge(region, 1, Integer::sum);
      centres.add(new Centre(String.format(Locale.ROOT, "SPK-%02d", s + 1),
          title(reference.regions().get(region).key()) + " Spoke Hospital " + n, region, Centre.SPOKE));
    }
    return List.copyOf(centres.subList(0, count));
  }

  static void write(List<Centre> centres, Path file) throws IOException {
    try (CsvWriter out = new CsvWriter(file, HEADER)) {
      for (Centre centre : centres) {
        out.row(centre.id(), centre.name(), centre.region(), centre.kind());
      }
    }
  }

  private static String region(String iso, ReferenceData reference) {
    if (!reference.regions().containsKey(iso)) {
      throw new IllegalArgumentException("centres: region " + iso + " is not in korea_regions.csv");
    }
    return iso;
  }

  /** daegu_gyeongbuk -> Daegu-Gyeongbuk */
  private static String title(String key) {
    StringBuilder out = new StringBuilder();
    for (String word : key.split("_")) {
      if (out.length() > 0) {
        out.append('-');
      }
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }
}
