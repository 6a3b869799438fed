package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.oncoindicators.config.ConfigError;

/**
 * IARC/IACR morphology–site consistency (conf/reference/site_morphology_rules.csv): combinations
 * that cannot occur, such as a hepatocellular carcinoma outside the liver or a leukaemia code with
 * an adenocarcinoma morphology. A row breaking a rule is quarantined as INVALID_SITE_MORPHOLOGY;
 * a row without a morphology is not checked.
 */
public final class SiteMorphologyRules {
  static final String MORPHOLOGY_REQUIRES_SITE = "morphology_requires_site";
  static final String SITE_REQUIRES_MORPHOLOGY = "site_requires_morphology";

  private record Rule(String kind, List<Morphology.Range> morphologies, List<String[]> sites) {
    Column inSites(Column category) {
      Column in = lit(false);
      for (String[] s : sites) {
        in = in.or(category.between(s[0], s[1]));
      }
      return in;
    }

    Column inMorphologies(Column histology) {
      Column in = lit(false);
      for (Morphology.Range r : morphologies) {
        in = in.or(r.contains(histology));
      }
      return in;
    }

    Column broken(Column category, Column histology) {
      return MORPHOLOGY_REQUIRES_SITE.equals(kind) ? inMorphologies(histology).and(inSites(category).unary_$bang())
          : inSites(category).and(inMorphologies(histology).unary_$bang());
    }
  }

  private final List<Rule> rules;

  private SiteMorphologyRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static SiteMorphologyRules load(Path file) {
    List<Rule> rules = new ArrayList<>();
    int[] line = {1};
    ReferenceTable.forEachRecord(file, "site-morphology rules (columns rule, kind, morphology_ranges, sites)", r -> {
      line[0]++;
      String kind = r.getString("kind");
      if (!MORPHOLOGY_REQUIRES_SITE.equals(kind) && !SITE_REQUIRES_MORPHOLOGY.equals(kind)) {
        throw new ConfigError(file + " line " + line[0] + ": kind is '" + kind + "': use " + MORPHOLOGY_REQUIRES_SITE
            + " or " + SITE_REQUIRES_MORPHOLOGY);
      }
      List<String[]> sites = new ArrayList<>();
      for (String part : r.getString("sites").split(";")) {
        String[] ends = part.trim().split("-");
        sites.add(new String[] {ends[0].trim(), ends[ends.length - 1].trim()});
      }
      rules.add(new Rule(kind, Morphology.Range.parse(r.getString("morphology_ranges")), sites));
    });
    return new SiteMorphologyRules(rules);
  }

  /**
   * Whether the combination breaks a rule (false when the morphology or site is missing).
   *
   * @param category the three-character site category ({@code C16})
   */
  public Column broken(Column category, Column rawMorphology) {
    Column histology = Morphology.histology(rawMorphology);
    Column any = lit(false);
    for (Rule rule : rules) {
      any = any.or(rule.broken(category, histology));
    }
    return histology.isNotNull().and(category.isNotNull()).and(any);
  }
}
