package org.oncoindicators.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
import org.oncoindicators.bench.Benchmark;
import org.oncoindicators.bench.EstimatorTiming;
import org.oncoindicators.bench.RelsurvComparison;
import org.oncoindicators.bench.StageMeasurement;
import org.oncoindicators.config.ConfigLoader;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.synth.GeneratorSettings;
import org.oncoindicators.synth.SyntheticExtracts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates (or reuses) synthetic extracts at a scale, runs every stage on them and writes per-stage
 * wall time, rows per second per core, peak driver heap and shuffle bytes to bench/results/.
 */
@Command(name = "bench", description = "Benchmark every stage at a scale; results in bench/results/*.csv.")
final class BenchCommand implements Callable<Integer> {
  /** The generator writes about 1.03 registry rows per patient (second primaries, planted invalid rows). */
  private static final double TUMOURS_PER_PATIENT = 1.03;

  @Option(names = "--tumours", defaultValue = "200000", description = "registry rows to generate (default 200,000)")
  int tumours;

  @Option(names = "--claim-lines", defaultValue = "-1",
      description = "claim lines used (default all generated, about 20 per patient; 0 = no claims)")
  long claimLines;

  @Option(names = "--repeat", defaultValue = "1")
  int repeat;

  @Option(names = "--seed", defaultValue = "2026")
  long seed;

  @Option(names = "--no-r", description = "skip the comparison with R relsurv (run when Rscript and relsurv are installed)")
  boolean noR;

  @Option(names = "--config", description = "HOCON file overriding conf/defaults.conf (e.g. fewer strata)")
  Path config;

  @Override
  public Integer call() throws IOException {
    Path home = OncoIndicators.home();
    String scale = "t" + tumours;
    Path data = home.resolve("bench/data").resolve(scale);
    if (!Files.exists(data.resolve(SyntheticExtracts.REGISTRY))) {
      int patients = (int) Math.round(tumours / TUMOURS_PER_PATIENT);
      Progress.line("bench: generating %,d patients into %s", patients, data);
      SyntheticExtracts.write(new GeneratorSettings(data, patients, 20, seed, LocalDate.parse("2025-12-31"),
          home.resolve("conf")));
    }
    Path warehouse = home.resolve("bench/warehouse").resolve(scale);
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("run-date", "2026-01-31");
    flags.put("warehouse", warehouse.toString());
    flags.put("inputs.registry", data.resolve(SyntheticExtracts.REGISTRY).toString());
    flags.put("inputs.centers", data.resolve(SyntheticExtracts.CENTERS).toString());
    flags.put("inputs.life-table", data.resolve(SyntheticExtracts.LIFETABLE).toString());
    claims(data).ifPresent(c -> flags.put("inputs.claims", c.toString()));
    PipelineConfig conf = new ConfigLoader(home).load(Optional.ofNullable(config), flags);
    StageContext ctx = Session.open(conf);
    Benchmark benchmark = new Benchmark(ctx);
    List<StageMeasurement> all = new ArrayList<>();
    for (int r = 1; r <= repeat; r++) {
      FileUtils.deleteDirectory(warehouse.toFile());
      all.addAll(benchmark.runOnce(scale, r));
    }
    Path results = home.resolve("bench/results");
    Files.createDirectories(results);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path csv = results.resolve("bench-" + scale + "-" + stamp + ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(StageMeasurement.CSV_HEADER + "\n");
      for (StageMeasurement m : all) {
        w.write(m.csv() + "\n");
      }
    }
    print(all, csv, System.out);
    compareWithR(ctx, home, results.resolve("relsurv-" + scale + "-" + stamp), all);
    return 0;
  }

  /** Runs R relsurv on the last repetition's tumours when R is installed (and not switched off) and prints the ratio. */
  private void compareWithR(StageContext ctx, Path home, Path work, List<StageMeasurement> all) throws IOException {
    if (noR) {
      return;
    }
    if (!RelsurvComparison.available()) {
      Progress.line("bench: R with relsurv not installed (apt install r-cran-relsurv): no comparison with R");
      return;
    }
    double survival = all.stream().filter(m -> m.stage().equals("survival")).reduce((a, b) -> b).orElseThrow().seconds();
    Progress.line("bench: running R relsurv::rs.surv on the same tumours (%s)", work);
    try {
      List<EstimatorTiming.Result> alone = new ArrayList<>();
      for (int i = 0; i < EstimatorTiming.RUNS; i++) {
        alone.add(EstimatorTiming.run(ctx));
      }
      new RelsurvComparison(ctx.spark(), ctx.warehouse(), home.resolve("bench/relsurv_bench.R"))
          .run(work, ctx.run().runId())
          .ifPresentOrElse(r -> System.out.println(RelsurvComparison.summary(r, survival, alone)),
              () -> Progress.line("bench: the life table has no national qx: no comparison with R"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The claims extract at the requested number of lines: all, none, or the first M lines. */
  private Optional<Path> claims(Path data) throws IOException {
    Path all = data.resolve(SyntheticExtracts.CLAIMS);
    if (claimLines < 0) {
      return Optional.of(all);
    }
    if (claimLines == 0) {
      return Optional.empty();
    }
    Path part = data.resolve("claims-" + claimLines + ".csv");
    if (!Files.exists(part)) {
      try (BufferedReader in = Files.newBufferedReader(all, StandardCharsets.UTF_8);
           BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
        String line;
        for (long n = 0; n <= claimLines && (line = in.readLine()) != null; n++) {
          out.write(line);
          out.write('\n');
        }
      }
    }
    return Optional.of(part);
  }

  private static void print(List<StageMeasurement> all, Path csv, PrintStream out) {
    out.printf("%-8s %-4s %-9s %10s %12s %14s %10s %10s%n", "scale", "rep", "stage", "seconds", "rows in",
        "rows/s/core", "heap MB", "shuffle MB");
    double total = 0;
    for (StageMeasurement m : all) {
      out.printf("%-8s %-4d %-9s %10.1f %,12d %,14.0f %10.0f %10.1f%n", m.scale(), m.repeat(), m.stage(), m.seconds(),
          m.rowsIn(), m.rowsPerSecondPerCore(), m.peakHeapBytes() / 1048576.0, m.shuffleBytes() / 1048576.0);
      total += m.seconds();
    }
    out.printf("total %.1f s over %d repetition(s); per-stage figures in %s%n", total,
        all.stream().mapToInt(StageMeasurement::repeat).max().orElse(0), csv);
  }
}
