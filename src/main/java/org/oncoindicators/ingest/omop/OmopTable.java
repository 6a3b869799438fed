package org.oncoindicators.ingest.omop;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.ingest.ExtractError;

/**
 * One OMOP table read from the export folder ({@code person.csv}, {@code person.parquet} or a folder
 * {@code person/}): its needed columns as trimmed strings (null when empty or absent), plus the file
 * each row came from, whether the CSV line was malformed, and the whole row as delivered.
 */
record OmopTable(CdmTable table, String location, Dataset<Row> rows) {
  static final String FILE = "_file";
  static final String MALFORMED = "_malformed";
  static final String ROW = "_row";
  private static final String CORRUPT = "_corrupt_record";

  /** Reads the table, or empty when an optional table is absent; fails naming the folder and the table or column. */
  static Optional<OmopTable> read(SparkSession spark, String folder, CdmTable table) {
    Optional<FileStatus> found = locate(spark, folder, table);
    if (found.isEmpty()) {
      if (table.required()) {
        throw new ExtractError(folder, "OMOP table '" + table.tableName() + "' is missing (no " + table.tableName()
            + ".csv, " + table.tableName() + ".parquet or folder " + table.tableName() + "/)",
            "export the table from the CDM (a header-only file is fine when it has no rows)");
      }
      return Optional.empty();
    }
    String location = found.get().getPath().toString();
    Dataset<Row> raw = isParquet(spark, found.get()) ? spark.read().parquet(location) : readCsv(spark, location);
    return Optional.of(new OmopTable(table, location, shape(raw, location, table)));
  }

  private static Dataset<Row> readCsv(SparkSession spark, String location) {
    StructType header = spark.read().option("header", "true").csv(location).schema();
    StructType schema = new StructType();
    for (String name : header.fieldNames()) {
      schema = schema.add(name, DataTypes.StringType);
    }
    // Without column pruning the parser sees every field, so a line with too few or too many fields
    // is flagged even when a query reads only some columns.
    return spark.read().option("header", "true").option("mode", "PERMISSIVE").option("columnPruning", "false")
        .option("columnNameOfCorruptRecord", CORRUPT).schema(schema.add(CORRUPT, DataTypes.StringType)).csv(location);
  }

  private static Dataset<Row> shape(Dataset<Row> raw, String location, CdmTable table) {
    List<String> delivered = Arrays.stream(raw.columns()).filter(c -> !c.equals(CORRUPT)).toList();
    List<String> normalised = delivered.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
    for (String required : table.requiredColumns()) {
      if (!normalised.contains(required)) {
        throw new ExtractError(location, "required column '" + required + "' of OMOP table '" + table.tableName()
            + "' is missing (header: " + String.join(",", delivered) + ")", "export the table with its CDM v5.4 columns");
      }
    }
    List<Column> out = new ArrayList<>();
    for (String name : concat(table.requiredColumns(), table.optionalColumns())) {
      int i = normalised.indexOf(name);
      out.add(i < 0 ? lit(null).cast(DataTypes.StringType).as(name) : text(col(quoted(delivered.get(i)))).as(name));
    }
    out.add(input_file_name().as(FILE));
    out.add(Arrays.asList(raw.columns()).contains(CORRUPT) ? col(CORRUPT).isNotNull().as(MALFORMED) : lit(false).as(MALFORMED));
    out.add(struct(delivered.stream().map(c -> col(quoted(c)).as(c.trim().toLowerCase(Locale.ROOT))).toArray(Column[]::new))
        .as(ROW));
    return raw.select(out.toArray(Column[]::new));
  }

  /** A value as a trimmed string, null when empty. */
  static Column text(Column value) {
    Column t = trim(value.cast(DataTypes.StringType));
    return when(t.notEqual(""), t);
  }

  private static Optional<FileStatus> locate(SparkSession spark, String folder, CdmTable table) {
    try {
      Path dir = new Path(folder);
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.isDirectory(dir)) {
        throw new ExtractError(folder, "OMOP export folder not found", "pass the folder holding person.csv, visit_occurrence.csv, …");
      }
      List<String> names = List.of(table.tableName(), table.tableName() + ".csv", table.tableName() + ".csv.gz",
          table.tableName() + ".parquet");
      return Arrays.stream(fs.listStatus(dir))
          .filter(s -> names.contains(s.getPath().getName().toLowerCase(Locale.ROOT)))
          .min((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    } catch (IOException e) {
      throw new ExtractError(folder, "cannot be read (" + e.getMessage() + ")", "check the path and permissions");
    }
  }

  private static boolean isParquet(SparkSession spark, FileStatus found) {
    String name = found.getPath().getName().toLowerCase(Locale.ROOT);
    if (!found.isDirectory()) {
      return name.endsWith(".parquet");
    }
    try {
      FileSystem fs = found.getPath().getFileSystem(spark.sparkContext().hadoopConfiguration());
      return Arrays.stream(fs.listStatus(found.getPath()))
          .anyMatch(s -> s.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".parquet"));
    } catch (IOException e) {
      throw new ExtractError(found.getPath().toString(), "cannot be read (" + e.getMessage() + ")", "check the path and permissions");
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String quoted(String column) {
    return "`" + column.replace("`", "``") + "`";
  }
}
