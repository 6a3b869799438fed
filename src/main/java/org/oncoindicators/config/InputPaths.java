package org.oncoindicators.config;

import java.nio.file.Path;
import java.util.Optional;

/** The extracts a run reads; an absent input is empty, never filled from the demo. */
public record InputPaths(Optional<Path> registry, Optional<Path> claims, Optional<Path> centers,
                         Optional<Path> lifeTable, Optional<Path> omop) {

  public boolean noneGiven() {
    return registry.isEmpty() && claims.isEmpty() && centers.isEmpty() && lifeTable.isEmpty() && omop.isEmpty();
  }

  public static InputPaths demo(Path folder) {
    return new InputPaths(Optional.of(folder.resolve("registry.csv")), Optional.of(folder.resolve("claims.csv")),
        Optional.of(folder.resolve("centers.csv")), Optional.of(folder.resolve("lifetable.csv")), Optional.empty());
  }
}
