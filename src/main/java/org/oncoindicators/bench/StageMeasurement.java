package org.oncoindicators.bench;

import java.util.Locale;

/** One stage's figures in one benchmark repetition. */
public record StageMeasurement(String scale, int repeat, String stage, double seconds, long rowsIn, long rowsOut,
                               int cores, long peakHeapBytes, long shuffleBytes) {
  public static final String CSV_HEADER =
      "scale,repeat,stage,seconds,rows_in,rows_out,rows_per_second_per_core,cores,peak_heap_mb,shuffle_mb";

  public double rowsPerSecondPerCore() {
    return seconds <= 0 ? 0 : rowsIn / seconds / cores;
  }

  public String csv() {
    return String.format(Locale.ROOT, "%s,%d,%s,%.2f,%d,%d,%.0f,%d,%.0f,%.1f", scale, repeat, stage, seconds, rowsIn,
        rowsOut, rowsPerSecondPerCore(), cores, peakHeapBytes / 1048576.0, shuffleBytes / 1048576.0);
  }
}
