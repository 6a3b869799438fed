package org.oncoindicators.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Korean population mortality by table year, sex and single age, as daily hazards -ln(1 - qx) / 365.25.
 * A table year applies from its 1 January until the next table year (before the first, the first);
 * the open age uses the qx of the age below it, as the extract contract prescribes.
 */
final class LifeTable {
  static final String[] HEADER = {"year", "age", "sex", "qx"};
  private static final double DAYS_PER_YEAR = 365.25;

  private final List<Map<String, String>> rows;
  private final int[] years;
  private final int[] switchDays;
  private final double[][][] dailyHazard;

  private LifeTable(List<Map<String, String>> rows) {
    this.rows = rows;
    TreeMap<Integer, double[][]> qx = new TreeMap<>();
    int maxAge = rows.stream().mapToInt(r -> Integer.parseInt(r.get("age"))).max().orElseThrow();
    for (Map<String, String> row : rows) {
      double[][] table = qx.computeIfAbsent(Integer.parseInt(row.get("year")), y -> new double[2][maxAge + 1]);
      table[sexIndex(row.get("sex"))][Integer.parseInt(row.get("age"))] = Double.parseDouble(row.get("qx"));
    }
    years = qx.keySet().stream().mapToInt(Integer::intValue).toArray();
    switchDays = new int[years.length];
    dailyHazard = new double[years.length][2][maxAge + 1];
    for (int t = 0; t < years.length; t++) {
      switchDays[t] = (int) LocalDate.of(years[t], 1, 1).toEpochDay();
      double[][] table = qx.get(years[t]);
      for (int sex = 0; sex < 2; sex++) {
        for (int age = 0; age <= maxAge; age++) {
          double q = table[sex][Math.min(age, maxAge - 1)];
          dailyHazard[t][sex][age] = -StrictMath.log(1 - q) / DAYS_PER_YEAR;
        }
      }
    }
  }

  static LifeTable read(Path file) {
    return new LifeTable(ReferenceCsv.read(file));
  }

  /** Daily population hazard on the given day (epoch day) at the given attained age. */
  double dailyHazard(int epochDay, int attainedAge, boolean male) {
    double[] bySex = dailyHazard[tableIndex(epochDay)][male ? 0 : 1];
    return bySex[Math.min(attainedAge, bySex.length - 1)];
  }

  /** First epoch day after the given one on which another table year starts, or Integer.MAX_VALUE. */
  int nextSwitchDay(int epochDay) {
    for (int switchDay : switchDays) {
      if (switchDay > epochDay) {
        return switchDay;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Copies the reference table to lifetable.csv as year, age, sex, qx. */
  void write(Path file) throws IOException {
    try (CsvWriter out = new CsvWriter(file, HEADER)) {
      for (Map<String, String> row : rows) {
        out.row(row.get("year"), row.get("age"), row.get("sex"), row.get("qx"));
      }
    }
  }

  private int tableIndex(int epochDay) {
    int index = 0;
    for (int t = 1; t < switchDays.length; t++) {
      if (epochDay >= switchDays[t]) {
        index = t;
      }
    }
    return index;
  }

  private static int sexIndex(String sex) {
    return switch (sex) {
      case "M" -> 0;
      case "F" -> 1;
      default -> throw new IllegalStateException("life table sex must be M or F, got " + sex);
    };
  }
}
