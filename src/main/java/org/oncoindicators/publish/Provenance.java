package org.oncoindicators.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Where a publication comes from (methods.md, Publication): the run, the Delta version of every
 * gold table it read, the configuration hash, the code version and the suppression thresholds.
 * Stamped on every published file and enough to reproduce it by time travel. Holds no clock time,
 * so a reproduction writes the same bytes.
 */
public record Provenance(String runId, String runDate, SortedMap<String, Long> inputVersions, String configHash,
                         String codeVersion, SuppressionRule suppression) {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
      true);

  /** As an ordered map (for JSON files). */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("run_date", runDate);
    m.put("input_versions", inputVersions);
    m.put("config_hash", configHash);
    m.put("code_version", codeVersion);
    m.put("suppression", Map.of("min_patients", suppression.minPatients(), "min_events", suppression.minEvents()));
    return m;
  }

  /** The input versions as one JSON object (as {@code ops.runs.input_versions} writes them). */
  public String inputVersionsJson() {
    try {
      return JSON.writeValueAsString(inputVersions);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Comment lines for the head of a CSV file (readers skip them with {@code comment='#'}). */
  public List<String> commentLines() {
    return List.of("# OncoIndicators publication of run " + runId + " (run date " + runDate + ")",
        "# input Delta versions: " + inputVersionsJson(),
        "# configuration " + configHash + ", code " + codeVersion,
        "# cells with fewer than " + suppression.minPatients() + " patients or " + suppression.minEvents()
            + " events are suppressed, with complementary suppression along totals (column 'suppressed')");
  }

  /** One line for charts and web pages. */
  public String caption() {
    return "Run " + runId + " · configuration " + configHash + " · code " + codeVersion;
  }
}
