package org.oncoindicators.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.spark.Seqs;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.terminology.ReferenceTable;

/**
 * Writes one run's publication set into its folder: the suppressed tables as CSV and JSON, the
 * data dictionary, {@code provenance.json}, the charts (PNG and SVG) and the HTML report. Reads
 * every gold table at the Delta version named in the provenance (time travel), so the same
 * provenance always gives the same bytes; writes into a hidden sibling folder and moves it into
 * place at the end, so a reader never sees half a publication.
 */
public final class Publication {
  /** The gold tables a publication reads. */
  public static final List<TableId> INPUTS = List.of(TableId.GOLD_INDICATORS, TableId.GOLD_SURVIVAL,
      TableId.GOLD_SURVIVAL_CURVE, TableId.GOLD_PATIENT_FLOWS, TableId.GOLD_SPECIALISATION);

  /** One written file, with its row count (tables only) and SHA-256. */
  public record WrittenFile(String file, Long rows, long bytes, String sha256) {}

  private Publication() {}

  /** The current versions of the inputs (what a new publication reads). */
  public static SortedMap<String, Long> currentVersions(Warehouse warehouse) {
    SortedMap<String, Long> v = new TreeMap<>();
    for (TableId t : INPUTS) {
      v.put(t.qualifiedName(), warehouse.version(t));
    }
    return v;
  }

  /** Writes the set into {@code folder} (replacing an earlier one); returns its files, sorted by name. */
  public static List<WrittenFile> write(Warehouse warehouse, PipelineConfig config, Provenance provenance, Path folder) {
    Path partial = folder.resolveSibling("." + folder.getFileName() + ".partial");
    try {
      deleteTree(partial);
      Files.createDirectories(partial);
      Map<String, Long> rows = writeInto(warehouse, config, provenance, partial);
      List<WrittenFile> files = new ArrayList<>();
      try (Stream<Path> list = Files.list(partial)) {
        for (Path f : list.sorted().toList()) {
          String name = f.getFileName().toString();
          String table = name.endsWith(".csv") || name.endsWith(".json") ? name.substring(0, name.lastIndexOf('.')) : "";
          files.add(new WrittenFile(name, rows.get(table), Files.size(f), sha256(f)));
        }
      }
      Path old = folder.resolveSibling("." + folder.getFileName() + ".old");
      deleteTree(old);
      if (Files.exists(folder)) {
        Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the publication " + folder + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Long> writeInto(Warehouse warehouse, PipelineConfig config, Provenance p, Path dir)
      throws IOException {
    String run = p.runId();
    Map<TableId, Dataset<Row>> in = new TreeMap<>();
    for (TableId t : INPUTS) {
      Long version = p.inputVersions().get(t.qualifiedName());
      if (version == null || version < 0) {
        throw new IllegalStateException(t.qualifiedName() + " does not exist: run the stages before publish");
      }
      in.put(t, warehouse.readVersion(t, version).filter(col("run_id").equalTo(run)));
    }
    List<String> nonCapital = new ArrayList<>();
    ReferenceTable.forEachRecord(config.reference().regions(), "regions (columns iso_3166_2, capital_area)", r -> {
      if (!"1".equals(r.getString("capital_area"))) {
        nonCapital.add(r.getString("iso_3166_2"));
      }
    });
    Map<String, Dataset<Row>> tables = new PublishedTables(p.suppression()).build(new PublishedTables.Inputs(
        in.get(TableId.GOLD_INDICATORS), in.get(TableId.GOLD_SURVIVAL), in.get(TableId.GOLD_PATIENT_FLOWS),
        in.get(TableId.GOLD_SPECIALISATION), nonCapital));
    DataDictionary dictionary = DataDictionary.load(config.publication().columns());
    Map<String, Long> rows = new TreeMap<>();
    List<Row> dictionaryRows = new ArrayList<>();
    List<Map<String, String>> downloads = new ArrayList<>();
    for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
      Dataset<Row> t = e.getValue().localCheckpoint();
      e.setValue(t);
      rows.put(e.getKey(), TableFiles.write(t, e.getKey(), dir, p, dictionary));
      for (StructField f : t.schema().fields()) {
        dictionaryRows.add(RowFactory.create(e.getKey(), f.name(), f.dataType().simpleString(),
            dictionary.describe(e.getKey(), f.name())));
      }
      downloads.add(Map.of("file", e.getKey() + ".csv", "what", e.getKey().replace('_', ' ') + " (CSV; also .json)"));
    }
    downloads.add(Map.of("file", "data_dictionary.csv", "what", "what every column means"));
    downloads.add(Map.of("file", "provenance.json", "what", "run, input table versions, configuration and code"));
    Dataset<Row> dict = warehouse.spark().createDataFrame(dictionaryRows, DataTypes.createStructType(List.of(
        DataTypes.createStructField("table", DataTypes.StringType, false),
        DataTypes.createStructField("column", DataTypes.StringType, false),
        DataTypes.createStructField("type", DataTypes.StringType, false),
        DataTypes.createStructField("description", DataTypes.StringType, false))));
    TableFiles.write(dict, "data_dictionary", dir, p, DataDictionary.self());
    Files.writeString(dir.resolve("provenance.json"),
        new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
            .writeValueAsString(p.asMap()) + "\n");
    new HtmlReport(dir, p, ReportSettings.of(config, downloads)).write(tables,
        drawableCurves(in.get(TableId.GOLD_SURVIVAL_CURVE), tables.get("survival"), config));
    return rows;
  }

  /**
   * The curve points the report may draw: the configured estimator and approach, stratum {@code all},
   * up to the longest horizon, of every centre whose published cells at every horizon are shown.
   */
  static Dataset<Row> drawableCurves(Dataset<Row> curves, Dataset<Row> publishedSurvival, PipelineConfig config) {
    PipelineConfig.Publication p = config.publication();
    Dataset<Row> cells = publishedSurvival.filter(col("stratum").equalTo("all")
            .and(col("approach").equalTo(p.survivalApproach())).and(col("estimator").equalTo(p.survivalEstimator())))
        .groupBy("center_id", "cancer_group")
        .agg(count(when(col(SmallCellSuppression.COLUMN).isNotNull(), lit(1))).as("_hidden"),
            max("horizon_years").as("_horizon"))
        .filter(col("_hidden").equalTo(0));
    return curves.filter(col("stratum").equalTo("all").and(col("approach").equalTo(p.survivalApproach()))
            .and(col("estimator").equalTo(p.survivalEstimator())).and(col("estimate").isNotNull()))
        .join(cells, Seqs.of("center_id", "cancer_group"))
        .filter(col("time_days").leq(col("_horizon").multiply(config.daysPerYear())))
        .select("center_id", "cancer_group", "time_days", "estimate", "ci_lower", "ci_upper");
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return DigestUtils.sha256Hex(in);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    FileUtils.deleteDirectory(dir.toFile());
  }
}
