package org.oncoindicators.ingest;

import java.util.Locale;
import java.util.Map;
import org.oncoindicators.config.ConfigError;

/**
 * A supplier's own column names mapped onto the contract's, per source, from conf/
 * ({@code ingest.column-aliases.<source>}): onboarding a new supplier is a configuration change.
 */
public record ColumnAliases(Map<String, Map<String, String>> bySource) {
  public static ColumnAliases none() {
    return new ColumnAliases(Map.of());
  }

  /** Checks that every alias points at a column of its source's contract. */
  public ColumnAliases {
    for (SourceContract c : SourceContract.values()) {
      for (Map.Entry<String, String> e : bySource.getOrDefault(c.source(), Map.of()).entrySet()) {
        if (!c.columns().contains(e.getValue())) {
          throw new ConfigError("ingest.column-aliases." + c.source() + "." + e.getKey() + " = '" + e.getValue()
              + "' is not a column of the " + c.source() + " contract " + c.columns());
        }
      }
    }
  }

  /** The header with aliased names replaced by contract names (names compared after normalisation). */
  String[] apply(SourceContract contract, String[] header) {
    Map<String, String> aliases = bySource.getOrDefault(contract.source(), Map.of());
    String[] out = header.clone();
    for (int i = 0; i < out.length; i++) {
      for (Map.Entry<String, String> e : aliases.entrySet()) {
        if (ColumnGuard.normalise(e.getKey()).equals(out[i])) {
          out[i] = e.getValue().toLowerCase(Locale.ROOT);
        }
      }
    }
    return out;
  }
}
