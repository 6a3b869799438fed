package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;

/**
 * Legacy ICD-9-CM neoplasm codes (140–239, {@code 151.9} or {@code 1519}) read as ICD-10 through
 * CMS's General Equivalence Mapping: the code's first mapping, else the ICD-10 category most of its
 * three-digit category maps to. Only the category is relied on (ICD-10-CM is not KCD).
 */
public final class Icd9cmCodes {
  private static final String SHAPE = "^(1[4-9][0-9]|2[0-3][0-9])[0-9]{0,2}$";
  private final Map<String, String> byCode;
  private final Map<String, String> byCategory;

  private Icd9cmCodes(Map<String, String> byCode, Map<String, String> byCategory) {
    this.byCode = byCode;
    this.byCategory = byCategory;
  }

  public static Icd9cmCodes load(Path gem) {
    Map<String, String> byCode = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    ReferenceTable.forEachRecord(gem, "ICD-9-CM to ICD-10-CM mapping (columns icd9cm, icd10cm)", r -> {
      String icd9 = r.getString("icd9cm").trim();
      String icd10 = r.getString("icd10cm").trim();
      if (icd10.isEmpty() || "NoDx".equalsIgnoreCase(icd10)) {
        return;
      }
      byCode.putIfAbsent(icd9, icd10);
      counts.computeIfAbsent(icd9.substring(0, 3), k -> new HashMap<>()).merge(icd10.substring(0, 3), 1, Integer::sum);
    });
    Map<String, String> byCategory = new TreeMap<>();
    counts.forEach((category, targets) -> byCategory.put(category, targets.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
            java.util.Comparator.reverseOrder()))).orElseThrow().getKey()));
    return new Icd9cmCodes(byCode, byCategory);
  }

  /** The canonical ICD-10 code of an ICD-9-CM neoplasm code, or NULL for anything else. */
  public Column canonical(Column raw) {
    Column compact = CodePrefixes.withoutSpacesAndDots(raw);
    Column mapped = coalesce(try_element_at(map(byCode), compact),
        try_element_at(map(byCategory), substring(compact, 1, 3)));
    return when(compact.rlike(SHAPE), Icd10Codes.canonical(mapped));
  }

  private static Column map(Map<String, String> m) {
    return map_from_arrays(array(m.keySet().stream().map(k -> lit(k)).toArray(Column[]::new)),
        array(m.values().stream().map(v -> lit(v)).toArray(Column[]::new)));
  }
}
