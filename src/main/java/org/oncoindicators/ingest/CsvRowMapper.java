package org.oncoindicators.ingest;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/** Turns one (line, index) of a CSV file into a raw row: contract columns by header position, malformed when cut short. */
final class CsvRowMapper implements Serializable {
  private final String file;
  private final int[] index;
  private final int width;
  private final CsvLineParser parser = new CsvLineParser();

  CsvRowMapper(String file, int[] index, int width) {
    this.file = file;
    this.index = index;
    this.width = width;
  }

  Row toRow(Tuple2<String, Long> line) {
    String raw = line._1();
    String[] fields = parser.parse(raw);
    boolean malformed = fields == null || fields.length != width;
    Object[] values = new Object[5 + index.length];
    values[0] = file;
    values[1] = line._2() + 1;
    values[2] = raw;
    values[3] = malformed;
    values[4] = raw.indexOf('\uFFFD') >= 0;
    for (int i = 0; i < index.length; i++) {
      String v = malformed || index[i] < 0 ? null : fields[index[i]];
      values[5 + i] = v == null || v.isBlank() ? null : v;
    }
    return RowFactory.create(values);
  }
}
