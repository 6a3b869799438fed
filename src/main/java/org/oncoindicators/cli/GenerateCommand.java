package org.oncoindicators.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.oncoindicators.synth.GeneratorSettings;
import org.oncoindicators.synth.Summary;
import org.oncoindicators.synth.SyntheticExtracts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes synthetic extracts in the canonical contract, with truth.json holding the planted effects. */
@Command(name = "generate", description = "Write synthetic extracts (registry, claims, centers, life table, truth.json).")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--patients", required = true)
  int patients;

  @Option(names = "--centers", defaultValue = "20")
  int centers;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--out", required = true)
  Path out;

  @Option(names = "--as-of", defaultValue = "2025-12-31", description = "extract date; diagnoses fall in the ten years before it")
  LocalDate asOf;

  @Override
  public Integer call() throws IOException {
    Summary s = SyntheticExtracts.write(new GeneratorSettings(out.toAbsolutePath(), patients, centers, seed, asOf,
        OncoIndicators.home().resolve("conf")));
    System.out.printf("wrote %,d registry rows, %,d claim lines, %d centres to %s (truth: %s)%n", s.registryRows(),
        s.claimRows(), s.centers(), out.toAbsolutePath(), s.truthFile());
    return 0;
  }
}
