package org.oncoindicators.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.univocity.parsers.csv.CsvWriter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.tables.Rfc4180;

/** Prints a query result as aligned text, RFC 4180 CSV (NULL as an empty field) or JSON lines. */
final class QueryOutput {
  /** Output formats of jobs/query. */
  enum Format { table, csv, json }

  private final Format format;

  QueryOutput(Format format) {
    this.format = format;
  }

  void write(Dataset<Row> result, PrintStream out) {
    switch (format) {
      case json -> result.select(to_json(struct(col("*")), Map.of("ignoreNullFields", "false")))
          .as(Encoders.STRING()).toLocalIterator().forEachRemaining(out::println);
      case csv -> writeCsv(result, out);
      case table -> writeTable(result, out);
      default -> throw new IllegalStateException();
    }
    out.flush();
  }

  private static void writeCsv(Dataset<Row> result, PrintStream out) {
    CsvWriter writer = new CsvWriter(out, Rfc4180.writerSettings());
    writer.writeHeaders(result.columns());
    Iterator<Row> rows = result.toLocalIterator();
    while (rows.hasNext()) {
      writer.writeRow(cells(rows.next()));
    }
    writer.flush();
  }

  private static void writeTable(Dataset<Row> result, PrintStream out) {
    String[] header = result.columns();
    List<String[]> rows = new ArrayList<>();
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = header[i].length();
    }
    Iterator<Row> it = result.toLocalIterator();
    while (it.hasNext()) {
      String[] cells = cells(it.next());
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cells[i] == null ? "NULL" : cells[i];
        width[i] = Math.max(width[i], cells[i].length());
      }
      rows.add(cells);
    }
    out.println(line(header, width));
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(w));
    }
    out.println(rule);
    rows.forEach(r -> out.println(line(r, width)));
    out.printf("(%d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      b.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", cells[i]));
    }
    return b.toString().stripTrailing();
  }

  private static String[] cells(Row r) {
    String[] cells = new String[r.size()];
    for (int i = 0; i < r.size(); i++) {
      cells[i] = r.isNullAt(i) ? null : text(r.get(i));
    }
    return cells;
  }

  /** A value as text; arrays (Scala sequences) as {@code [a, b]}, not as their Scala class name. */
  private static String text(Object v) {
    if (v instanceof scala.collection.Seq<?> seq) {
      List<String> items = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(x -> items.add(x == null ? "NULL" : text(x)));
      return items.toString();
    }
    return String.valueOf(v);
  }
}
