package org.oncoindicators.synth;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/** What to generate: where, how many patients and centres, the seed, the extract date and the conf/ folder. */
public record GeneratorSettings(Path outDir, int patients, int centers, long seed, LocalDate asOf, Path confDir) {
  public GeneratorSettings {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(confDir, "confDir");
    if (patients < 1) {
      throw new IllegalArgumentException("patients must be at least 1, got " + patients);
    }
    if (centers < 3) {
      throw new IllegalArgumentException("centers must be at least 3, got " + centers);
    }
  }
}
