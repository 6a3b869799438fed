package org.oncoindicators.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oncoindicators.testing.SparkTestBase.home;
import static org.oncoindicators.testing.SparkTestBase.resource;
import static org.oncoindicators.testing.SparkTestBase.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.cli.OncoIndicators;
import org.oncoindicators.spark.ConcurrentJobs;
import org.oncoindicators.synth.GeneratorSettings;
import org.oncoindicators.synth.SyntheticExtracts;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;

/**
 * One uninterrupted embedded nightly run on small synthetic data (400 patients, claims, every kind
 * of indicator), made once per test JVM: the yardstick that runs killed part-way or run on a
 * Spark cluster must reproduce table for table.
 */
public final class ReferenceRun {
  public static final String RUN_DATE = "2026-01-15";
  private static Path data;

  private ReferenceRun() {}

  /** The folder holding {@code extracts/} and the reference warehouse {@code reference/}. */
  public static synchronized Path data() {
    if (data == null) {
      try {
        Path dir = Files.createTempDirectory("onco-reference");
        SyntheticExtracts.write(new GeneratorSettings(dir.resolve("extracts"), 400, 8, 7L,
            LocalDate.parse("2025-12-31"), home().resolve("conf")));
        spark().catalog().clearCache();
        assertEquals(0, OncoIndicators.run(nightlyArgs(dir, dir.resolve("reference")).toArray(String[]::new)));
        data = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return data;
  }

  public static Path warehouse() {
    return data().resolve("reference");
  }

  /** A fresh copy of the reference warehouse (without its lock file) for a test that changes it. */
  public static Path copy(String prefix) {
    try {
      Path from = warehouse();
      Path to = Files.createTempDirectory(prefix).resolve("warehouse");
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.toList()) {
          Path target = to.resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(target);
          } else if (!f.getFileName().toString().equals("_lock")) {
            Files.copy(f, target);
          }
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The nightly command line of the reference run, into another warehouse. */
  public static List<String> nightlyArgs(Path warehouse) {
    return nightlyArgs(data(), warehouse);
  }

  private static List<String> nightlyArgs(Path dir, Path warehouse) {
    Path x = dir.resolve("extracts");
    return List.of("nightly", "--run-date", RUN_DATE, "--registry", x.resolve("registry.csv").toString(),
        "--claims", x.resolve("claims.csv").toString(), "--centers", x.resolve("centers.csv").toString(),
        "--life-table", x.resolve("lifetable.csv").toString(), "--warehouse", warehouse.toString(),
        "--config", resource("catalogues/one-of-each-run.conf").toString());
  }

  /** Asserts that every table but the run ledger holds the same rows as the reference run's (naming all that differ). */
  public static void assertSameTables(Path actualWarehouse, String after) {
    assertSameTables(new Warehouse(spark(), actualWarehouse), after);
  }

  /**
   * As {@link #assertSameTables(Path, String)}, for a warehouse anywhere (e.g. on an object store).
   * Tables are compared by {@link RowFingerprint}, four at a time (each comparison is mostly the
   * driver's planning and Delta reads); only a table whose fingerprints differ has its differing
   * rows counted by {@code exceptAll} both ways, for the message.
   */
  public static void assertSameTables(Warehouse actual, String after) {
    Warehouse expected = new Warehouse(spark(), warehouse());
    Map<String, Long> differing = new TreeMap<>();
    List<TableId> inBoth = new ArrayList<>();
    for (TableId t : TableId.values()) {
      if (t == TableId.OPS_RUNS) {
        continue;
      }
      if (expected.exists(t) != actual.exists(t)) {
        differing.put(t.qualifiedName() + (expected.exists(t) ? " (missing)" : " (unexpected)"), 1L);
      } else if (expected.exists(t)) {
        inBoth.add(t);
      }
    }
    List<Boolean> same = ConcurrentJobs.map(inBoth, 4, "comparing the warehouses",
        t -> RowFingerprint.of(comparable(t, expected)).equals(RowFingerprint.of(comparable(t, actual))));
    for (int i = 0; i < inBoth.size(); i++) {
      if (!same.get(i)) {
        Dataset<Row> a = comparable(inBoth.get(i), expected);
        Dataset<Row> b = comparable(inBoth.get(i), actual);
        differing.put(inBoth.get(i).qualifiedName(), a.exceptAll(b).count() + b.exceptAll(a).count());
      }
    }
    assertEquals(Map.of(), differing, "tables (rows) that differ after " + after);
  }

  private static Dataset<Row> comparable(TableId t, Warehouse w) {
    return comparable(withoutLocalFacts(t, w.read(t)));
  }

  /**
   * gold.publication names where and when the files were written, the table versions read (a
   * resumed run has more versions) and checksums (doubles summed in another order differ in the
   * last bits): the files, their row counts and the settings must agree.
   */
  private static Dataset<Row> withoutLocalFacts(TableId t, Dataset<Row> table) {
    return t == TableId.GOLD_PUBLICATION
        ? table.drop("folder", "published_at", "input_versions", "sha256", "bytes") : table;
  }

  /** The folder of the reference run's publication set. */
  public static Path publication() {
    return data().resolve("publication").resolve(RUN_DATE);
  }

  /**
   * Columns in one order, every double (also inside arrays and structs) rounded to 9 significant
   * digits, and zero below 1e-12: sums over other partitionings differ in the last bits, also for
   * huge standard errors of unbounded coefficients.
   */
  private static Dataset<Row> comparable(Dataset<Row> table) {
    String[] names = table.columns().clone();
    Arrays.sort(names);
    return table.select(Arrays.stream(names).map(n -> rounded(functions.col(n), table.schema().apply(n).dataType())
        .as(n)).toArray(Column[]::new));
  }

  private static Column rounded(Column c, DataType type) {
    if (type.equals(DataTypes.DoubleType)) {
      // + 0.0 turns -0.0 into 0.0; below 1e-12 is numerical noise (e.g. a chi-square of O - E = 1e-11)
      return functions.format_string("%.8e", functions.when(functions.abs(c).lt(1e-12), 0.0).otherwise(c.plus(0.0)));
    }
    if (type instanceof ArrayType a) {
      return functions.transform(c, x -> rounded(x, a.elementType()));
    }
    if (type instanceof StructType s) {
      return functions.struct(Arrays.stream(s.fields()).map(f -> rounded(c.getField(f.name()), f.dataType())
          .as(f.name())).toArray(Column[]::new));
    }
    return c;
  }
}
