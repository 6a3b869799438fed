package org.oncoindicators.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.oncoindicators.config.ConfigLoader;
import org.oncoindicators.config.PipelineConfig;
import picocli.CommandLine.Option;

/** The options every pipeline command shares; flags override the --config file, which overrides conf/defaults.conf. */
final class RunOptions {
  @Option(names = "--config", description = "HOCON file overriding conf/defaults.conf")
  Path config;

  @Option(names = "--run-date", description = "run date YYYY-MM-DD (default today); the closing date of follow-up")
  String runDate;

  @Option(names = "--registry", description = "registry extract (CSV or Parquet file or folder)")
  String registry;

  @Option(names = "--claims", description = "claims extract")
  String claims;

  @Option(names = "--centers", description = "centres file")
  String centers;

  @Option(names = "--life-table", description = "population life table")
  String lifeTable;

  @Option(names = "--omop", description = "OMOP CDM v5.4 export folder, in place of --registry, --claims and --centers")
  String omop;

  @Option(names = "--warehouse", description = "Delta warehouse folder (default warehouse/ in the project)")
  String warehouse;

  PipelineConfig load() {
    Map<String, Object> flags = new LinkedHashMap<>();
    put(flags, "run-date", runDate);
    put(flags, "inputs.registry", registry);
    put(flags, "inputs.claims", claims);
    put(flags, "inputs.centers", centers);
    put(flags, "inputs.life-table", lifeTable);
    put(flags, "inputs.omop", omop);
    put(flags, "warehouse", warehouse);
    return new ConfigLoader(OncoIndicators.home()).load(Optional.ofNullable(config), flags);
  }

  private static void put(Map<String, Object> flags, String key, String value) {
    if (value != null) {
      flags.put(key, value);
    }
  }
}
