package org.oncoindicators.publish;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.oncoindicators.tables.Rfc4180;

/**
 * Writes one published table as tidy CSV (RFC 4180, header row, empty field for NULL, provenance
 * in leading {@code #} comment lines) and as JSON ({@code provenance}, {@code columns} with their
 * descriptions, {@code rows}). Rows are streamed in a fixed order (every column, ascending), so
 * the same table gives the same bytes.
 */
final class TableFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TableFiles() {}

  /** Sorts and writes {@code table} to {@code dir/name.csv} and {@code dir/name.json}; returns its row count. */
  static long write(Dataset<Row> table, String name, Path dir, Provenance provenance, DataDictionary dictionary) {
    Dataset<Row> sorted = table.repartition(1).sortWithinPartitions(Arrays.stream(table.columns())
        .map(c -> functions.col(c).asc_nulls_first()).toArray(Column[]::new));
    List<StructField> fields = Arrays.asList(table.schema().fields());
    for (StructField f : fields) {
      dictionary.describe(name, f.name());
    }
    long rows = 0;
    try (OutputStream csvOut = Files.newOutputStream(dir.resolve(name + ".csv"));
         Writer csvText = new OutputStreamWriter(csvOut, StandardCharsets.UTF_8);
         OutputStream jsonOut = Files.newOutputStream(dir.resolve(name + ".json"));
         JsonGenerator json = new JsonFactory(JSON).createGenerator(jsonOut, JsonEncoding.UTF8)) {
      for (String line : provenance.commentLines()) {
        csvText.write(line + "\r\n");
      }
      CsvWriter csv = new CsvWriter(csvText, Rfc4180.writerSettings());
      csv.writeHeaders(table.columns());
      json.writeStartObject();
      json.writeObjectField("provenance", provenance.asMap());
      json.writeArrayFieldStart("columns");
      for (StructField f : fields) {
        json.writeStartObject();
        json.writeStringField("name", f.name());
        json.writeStringField("type", f.dataType().simpleString());
        json.writeStringField("description", dictionary.describe(name, f.name()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("rows");
      Iterator<Row> it = sorted.toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        String[] cells = new String[r.size()];
        json.writeStartObject();
        for (int i = 0; i < r.size(); i++) {
          Object v = r.isNullAt(i) ? null : r.get(i);
          cells[i] = v == null ? null : String.valueOf(v);
          json.writeFieldName(fields.get(i).name());
          writeValue(json, v, fields.get(i).dataType());
        }
        json.writeEndObject();
        csv.writeRow((Object[]) cells);
        rows++;
      }
      json.writeEndArray();
      json.writeEndObject();
      json.flush();
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(name) + ".csv/.json: " + e.getMessage(), e);
    }
    return rows;
  }

  private static void writeValue(JsonGenerator json, Object v, DataType type) throws IOException {
    if (v == null) {
      json.writeNull();
    } else if (type.equals(DataTypes.DoubleType)) {
      double d = (Double) v;
      if (Double.isFinite(d)) {
        json.writeNumber(d);
      } else {
        json.writeNull();
      }
    } else if (type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)) {
      json.writeNumber(((Number) v).longValue());
    } else if (type.equals(DataTypes.BooleanType)) {
      json.writeBoolean((Boolean) v);
    } else {
      json.writeString(String.valueOf(v));
    }
  }
}
