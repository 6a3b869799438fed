package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.ingest.naaccr.NaaccrRegistryReader;

/**
 * Reads an extract (a CSV or Parquet file, or a folder of part files) into a {@link RawExtract}.
 * File-level problems — missing, empty, not CSV/Parquet, missing required columns, direct
 * identifiers in column names — fail here with the file named; row-level problems are left for
 * the row rules. CSV lines keep their physical line number for the quarantine. A registry given as
 * NAACCR XML is read by {@link NaaccrRegistryReader} into the same shape.
 */
public final class ExtractReader {
  private final SparkSession spark;
  private final ColumnAliases aliases;

  public ExtractReader(SparkSession spark) {
    this(spark, ColumnAliases.none());
  }

  /** A reader that first renames a supplier's columns to the contract's ({@code ingest.column-aliases}). */
  public ExtractReader(SparkSession spark, ColumnAliases aliases) {
    this.spark = spark;
    this.aliases = aliases;
  }

  public RawExtract read(String location, SourceContract contract) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    if (contract == SourceContract.REGISTRY && NaaccrRegistryReader.isNaaccrXml(location, hadoop)) {
      return new NaaccrRegistryReader(spark).read(location, schema(contract));
    }
    List<FileStatus> files = listFiles(location, hadoop);
    boolean parquet = files.stream().allMatch(f -> f.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".parquet"));
    return parquet ? readParquet(location, files, contract) : readCsv(files, contract, hadoop);
  }

  /**
   * The file itself, or a folder's files except hidden ones ({@code .name}, {@code _SUCCESS});
   * empty when the location does not exist. Shared by every format's reader.
   */
  public static List<FileStatus> visibleFiles(String location, Configuration hadoop) throws IOException {
    Path path = new Path(location);
    FileSystem fs = path.getFileSystem(hadoop);
    List<FileStatus> files = new ArrayList<>();
    if (!fs.exists(path)) {
      return files;
    }
    for (FileStatus s : fs.isDirectory(path) ? fs.listStatus(path) : new FileStatus[] {fs.getFileStatus(path)}) {
      String name = s.getPath().getName();
      if (s.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
        files.add(s);
      }
    }
    return files;
  }

  private static List<FileStatus> listFiles(String location, Configuration hadoop) {
    try {
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        throw new ExtractError(location, "file not found", "check the path given for this extract");
      }
      List<FileStatus> files = visibleFiles(location, hadoop);
      files.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
      if (files.isEmpty() || files.stream().allMatch(f -> f.getLen() == 0)) {
        throw new ExtractError(location, "the extract is empty", "deliver a file with a header row and data rows");
      }
      for (FileStatus f : files) {
        String name = f.getPath().getName().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".csv") || name.endsWith(".parquet") || name.endsWith(".txt"))) {
          throw new ExtractError(f.getPath().toString(), "not a CSV or Parquet file",
              "deliver .csv (UTF-8, header row) or .parquet files");
        }
      }
      return files;
    } catch (IOException e) {
      throw new ExtractError(location, "cannot be read (" + e.getMessage() + ")", "check the path and permissions");
    }
  }

  private RawExtract readCsv(List<FileStatus> files, SourceContract contract, Configuration hadoop) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String[] header = null;
    JavaRDD<Row> rows = null;
    List<String> names = new ArrayList<>();
    for (FileStatus f : files) {
      String file = f.getPath().toString();
      names.add(file);
      String[] h = aliases.apply(contract, readHeader(f.getPath(), hadoop));
      if (header == null) {
        header = h;
      } else if (!Arrays.equals(header, h)) {
        throw new ExtractError(file, "line 1: header differs from " + names.get(0), "give every part file the same header");
      }
      int[] index = ColumnGuard.check(file, header, contract);
      CsvRowMapper mapper = new CsvRowMapper(file, index, header.length);
      JavaRDD<Row> part = jsc.textFile(file).zipWithIndex().filter(t -> t._2() > 0).map(mapper::toRow);
      rows = rows == null ? part : rows.union(part);
    }
    Dataset<Row> df = spark.createDataFrame(rows, schema(contract));
    return new RawExtract(contract, df, names, ColumnGuard.extraColumns(header, contract));
  }

  private RawExtract readParquet(String location, List<FileStatus> files, SourceContract contract) {
    Dataset<Row> in = spark.read().parquet(location);
    String[] header = aliases.apply(contract, Arrays.stream(in.columns()).map(ColumnGuard::normalise)
        .toArray(String[]::new));
    int[] index = ColumnGuard.check(location, header, contract);
    List<Column> cols = new ArrayList<>(List.of(input_file_name().as(RawExtract.SOURCE_FILE),
        lit(null).cast(DataTypes.LongType).as(RawExtract.LINE_NUMBER),
        to_json(struct(Arrays.stream(in.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new))).as(RawExtract.RAW_RECORD),
        lit(false).as(RawExtract.MALFORMED), lit(false).as(RawExtract.BAD_ENCODING)));
    List<String> columns = contract.columns();
    for (int i = 0; i < columns.size(); i++) {
      Column c = index[i] < 0 ? lit(null) : col("`" + in.columns()[index[i]] + "`");
      cols.add(c.cast(DataTypes.StringType).as(columns.get(i)));
    }
    List<String> names = files.stream().map(f -> f.getPath().toString()).toList();
    return new RawExtract(contract, in.select(cols.toArray(Column[]::new)), names, ColumnGuard.extraColumns(header, contract));
  }

  private static String[] readHeader(Path file, Configuration hadoop) {
    String line;
    try (InputStream in = file.getFileSystem(hadoop).open(file)) {
      line = firstLine(in, file.toString());
    } catch (IOException e) {
      throw new ExtractError(file.toString(), "cannot be read (" + e.getMessage() + ")", "check the path and permissions");
    }
    if (line.startsWith("PAR1")) {
      throw new ExtractError(file.toString(), "a Parquet file named as CSV", "name Parquet files *.parquet");
    }
    if (line.isBlank()) {
      throw new ExtractError(file.toString(), "line 1: no header row", "deliver a CSV file with a header row");
    }
    String[] fields = new CsvLineParser().parse(line.startsWith("\uFEFF") ? line.substring(1) : line);
    if (fields == null) {
      throw new ExtractError(file.toString(), "line 1: unbalanced quote in the header", "fix the header row");
    }
    return Arrays.stream(fields).map(ColumnGuard::normalise).toArray(String[]::new);
  }

  /** The first line, decoded strictly as UTF-8 (the rest of the file is checked row by row on the executors). */
  private static String firstLine(InputStream in, String file) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (bytes.size() > 1_000_000) {
        throw new ExtractError(file, "line 1: no line end in the first megabyte", "deliver a CSV file with a header row");
      }
      bytes.write(b);
    }
    try {
      String line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    } catch (CharacterCodingException e) {
      throw new ExtractError(file, "line 1: not UTF-8 text (or not a CSV file)", "export the extract as UTF-8 CSV");
    }
  }

  static StructType schema(SourceContract contract) {
    List<StructField> fields = new ArrayList<>(List.of(
        DataTypes.createStructField(RawExtract.SOURCE_FILE, DataTypes.StringType, false),
        DataTypes.createStructField(RawExtract.LINE_NUMBER, DataTypes.LongType, true),
        DataTypes.createStructField(RawExtract.RAW_RECORD, DataTypes.StringType, false),
        DataTypes.createStructField(RawExtract.MALFORMED, DataTypes.BooleanType, false),
        DataTypes.createStructField(RawExtract.BAD_ENCODING, DataTypes.BooleanType, false)));
    for (String c : contract.columns()) {
      fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }
}
