package org.oncoindicators.synth;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes UTF-8 CSV with a header row, `\n` line ends and RFC 4180 quoting where a field needs it. */
final class CsvWriter implements Closeable {
  private final BufferedWriter out;
  private final StringBuilder line = new StringBuilder(256);
  private long rows;

  CsvWriter(Path file, String... header) throws IOException {
    out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    row(header);
    rows = 0;
  }

  /** Writes one row; fewer fields than the header is allowed (planted malformed rows). */
  void row(String... fields) throws IOException {
    line.setLength(0);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      appendField(fields[i]);
    }
    line.append('\n');
    out.append(line);
    rows++;
  }

  /** Data rows written so far, header excluded. */
  long rows() {
    return rows;
  }

  private void appendField(String value) {
    if (!needsQuotes(value)) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      line.append(c);
      if (c == '"') {
        line.append('"');
      }
    }
    line.append('"');
  }

  /** Quote separators, quotes, line breaks, and leading or trailing blanks so every reader keeps them. */
  private static boolean needsQuotes(String value) {
    if (value.isEmpty()) {
      return false;
    }
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
