package org.oncoindicators.ingest.naaccr;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.ingest.ExtractError;
import org.oncoindicators.ingest.ExtractReader;
import org.oncoindicators.ingest.RawExtract;
import org.oncoindicators.ingest.SourceContract;
import org.oncoindicators.pipeline.Progress;

/**
 * Reads a registry extract delivered as NAACCR XML (a file, or a folder of .xml / .xml.gz files)
 * into the same {@link RawExtract} as a CSV registry extract, so every registry row rule applies
 * unchanged; each file is parsed on an executor, one Tumor per row (docs/naaccr.md).
 */
public final class NaaccrRegistryReader {
  private final SparkSession spark;

  public NaaccrRegistryReader(SparkSession spark) {
    this.spark = spark;
  }

  /** Whether the location is a .xml (.xml.gz) file or a folder whose visible files all are. */
  public static boolean isNaaccrXml(String location, Configuration hadoop) {
    try {
      List<FileStatus> files = ExtractReader.visibleFiles(location, hadoop);
      return !files.isEmpty() && files.stream().allMatch(f -> isXml(f.getPath().getName()));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Checks every file on the executors (a file the NAACCR library cannot read fails the run
   * naming it), then returns the rows, parsed again lazily where they are used.
   */
  public RawExtract read(String location, StructType schema) {
    List<String> files = files(location);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<NaaccrFileCheck> checks = null;
    JavaRDD<Row> rows = null;
    for (String file : files) {
      JavaRDD<NaaccrFileCheck> check = jsc.binaryFiles(file, 1).map(f -> NaaccrFileCheck.of(file, f._2()));
      NaaccrTumourRows mapper = new NaaccrTumourRows(file, schema);
      JavaRDD<Row> part = jsc.binaryFiles(file, 1).flatMap(f -> mapper.rows(f._2()));
      checks = checks == null ? check : checks.union(check);
      rows = rows == null ? part : rows.union(part);
    }
    report(checks.collect());
    return new RawExtract(SourceContract.REGISTRY, spark.createDataFrame(rows, schema), files, List.of());
  }

  private static void report(List<NaaccrFileCheck> checks) {
    checks.forEach(NaaccrFileCheck::requireReadable);
    long patients = checks.stream().mapToLong(NaaccrFileCheck::patients).sum();
    long tumours = checks.stream().mapToLong(NaaccrFileCheck::tumours).sum();
    long withoutTumour = checks.stream().mapToLong(NaaccrFileCheck::patientsWithoutTumour).sum();
    Progress.line("ingest   registry: NAACCR XML, %,d file(s), %,d patients, %,d tumours%s", checks.size(), patients,
        tumours, withoutTumour == 0 ? "" : String.format(Locale.ROOT,
            " (%,d patients without a Tumor element: no row)", withoutTumour));
  }

  private List<String> files(String location) {
    try {
      List<FileStatus> files = ExtractReader.visibleFiles(location, spark.sparkContext().hadoopConfiguration());
      if (files.stream().allMatch(f -> f.getLen() == 0)) {
        throw new ExtractError(location, "the extract is empty", "deliver a NAACCR XML file with Patient and Tumor elements");
      }
      return files.stream().map(f -> f.getPath().toString()).sorted().toList();
    } catch (IOException e) {
      throw new ExtractError(location, "cannot be read (" + e.getMessage() + ")", "check the path and permissions");
    }
  }

  private static boolean isXml(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".xml") || n.endsWith(".xml.gz");
  }
}
