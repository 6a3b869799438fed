package org.oncoindicators.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The extracts a run reads; an absent input is empty, never filled from the demo. Each is an
 * absolute local path or a Hadoop file-system URI ({@code s3a://bucket/extracts/registry.csv},
 * {@code hdfs://…}): extracts are read through Hadoop's {@code FileSystem}.
 */
public record InputPaths(Optional<String> registry, Optional<String> claims, Optional<String> centers,
                         Optional<String> lifeTable, Optional<String> omop) {

  public boolean noneGiven() {
    return registry.isEmpty() && claims.isEmpty() && centers.isEmpty() && lifeTable.isEmpty() && omop.isEmpty();
  }

  public static InputPaths demo(Path folder) {
    return new InputPaths(Optional.of(folder.resolve("registry.csv").toString()),
        Optional.of(folder.resolve("claims.csv").toString()), Optional.of(folder.resolve("centers.csv").toString()),
        Optional.of(folder.resolve("lifetable.csv").toString()), Optional.empty());
  }
}
