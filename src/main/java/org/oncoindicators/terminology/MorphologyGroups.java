package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.oncoindicators.config.ConfigError;

/**
 * Cancer groups decided by ICD-O-3 morphology rather than by site: a malignant lymphoma, myeloma
 * or leukaemia belongs to its haematological group wherever it arose (a lymphoma of the stomach
 * is no stomach cancer), as KCCR's ICD-O-3 → ICD-10 conversion has it. Ranges come from
 * conf/reference/icdo3_morphology_groups.csv.
 */
public final class MorphologyGroups {
  private record Entry(Morphology.Range range, String group) {}

  private final List<Entry> entries;

  private MorphologyGroups(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** @param groups the cancer group keys the entries must name */
  public static MorphologyGroups load(Path file, Set<String> groups) {
    List<Entry> entries = new ArrayList<>();
    ReferenceTable.forEachRecord(file, "morphology groups (columns morphology_from, morphology_to, cancer_group)", r -> {
      String group = r.getString("cancer_group");
      if (!groups.contains(group)) {
        throw new ConfigError(file + ": cancer_group '" + group + "' is no key of the cancer groups table");
      }
      entries.add(new Entry(new Morphology.Range(Integer.parseInt(r.getString("morphology_from").trim()),
          Integer.parseInt(r.getString("morphology_to").trim())), group));
    });
    return new MorphologyGroups(entries);
  }

  /** The site's group unless the morphology (malignant or without behaviour) names a haematological one. */
  public Column group(Column siteGroup, Column rawMorphology) {
    Column histology = Morphology.histology(rawMorphology);
    Column behaviour = Morphology.behaviour(rawMorphology);
    Column byMorphology = lit(null).cast("string");
    for (int i = entries.size() - 1; i >= 0; i--) {
      byMorphology = when(entries.get(i).range().contains(histology), lit(entries.get(i).group())).otherwise(byMorphology);
    }
    return coalesce(when(behaviour.isNull().or(behaviour.equalTo("3")), byMorphology), siteGroup);
  }
}
