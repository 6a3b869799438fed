package org.oncoindicators.survival;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.oncoindicators.config.ConfigError;

/**
 * The life table as daily hazards in dense arrays, small enough to broadcast: by region (national
 * when absent), sex, table year and single year of age (docs/extracts.md "life table").
 * A table year applies from its 1 January until the next year present; before the first year the
 * first is used, after the last the last; the highest age is open-ended. A qx of 1 (the open age
 * of a life table) is read as the hazard of the age below, never as an infinite hazard.
 */
public final class PopulationHazards implements Serializable {
  static final String NATIONAL = "";

  private final Map<String, Table> tables;
  private final double daysPerYear;

  private PopulationHazards(Map<String, Table> tables, double daysPerYear) {
    this.tables = tables;
    this.daysPerYear = daysPerYear;
  }

  public double daysPerYear() {
    return daysPerYear;
  }

  /** The table for a residence region, or the national one when the life table has no rows for it. */
  public Table forRegion(String region) {
    Table t = region == null ? null : tables.get(region);
    return t != null ? t : tables.get(NATIONAL);
  }

  /**
   * Builds the tables from bronze life-table rows (year, age, sex, region, mx, qx, haz_per_day).
   * Fails when no national rows exist or a year lacks an age of the other sex.
   */
  public static PopulationHazards fromRows(List<Row> rows, double daysPerYear) {
    Map<String, Map<Integer, Map<String, TreeMap<Integer, Double>>>> byRegion = new HashMap<>();
    for (Row r : rows) {
      String region = r.isNullAt(r.fieldIndex("region")) ? NATIONAL : r.getAs("region");
      byRegion.computeIfAbsent(region, k -> new TreeMap<>())
          .computeIfAbsent(r.<Integer>getAs("year"), k -> new HashMap<>())
          .computeIfAbsent(r.<String>getAs("sex"), k -> new TreeMap<>())
          .put(r.<Integer>getAs("age"), dailyHazard(r, daysPerYear));
    }
    if (!byRegion.containsKey(NATIONAL)) {
      throw new ConfigError("life table: no rows without a region; a national table is needed as the fallback");
    }
    Map<String, Table> tables = new HashMap<>();
    byRegion.forEach((region, years) -> tables.put(region, Table.of(region, years)));
    return new PopulationHazards(tables, daysPerYear);
  }

  /** haz_per_day as given, else mx / days_per_year, else −ln(1 − qx) / days_per_year; NaN marks qx = 1. */
  private static double dailyHazard(Row r, double daysPerYear) {
    if (!r.isNullAt(r.fieldIndex("haz_per_day"))) {
      return r.<Double>getAs("haz_per_day");
    }
    if (!r.isNullAt(r.fieldIndex("mx"))) {
      return r.<Double>getAs("mx") / daysPerYear;
    }
    double qx = r.<Double>getAs("qx");
    return qx >= 1.0 ? Double.NaN : -Math.log1p(-qx) / daysPerYear;
  }

  /** One region's hazards: [sex 0 = M, 1 = F][table year index][age]. */
  public static final class Table implements Serializable {
    private final int[] years;
    private final double[][][] hazard;
    private final double[][][] inverseDayFactor;
    private final int maxAge;

    private Table(int[] years, double[][][] hazard, int maxAge) {
      this.years = years;
      this.hazard = hazard;
      this.maxAge = maxAge;
      this.inverseDayFactor = new double[2][years.length][maxAge + 1];
      for (int s = 0; s < 2; s++) {
        for (int y = 0; y < years.length; y++) {
          for (int a = 0; a <= maxAge; a++) {
            inverseDayFactor[s][y][a] = Math.exp(hazard[s][y][a]);
          }
        }
      }
    }

    static Table of(String region, Map<Integer, Map<String, TreeMap<Integer, Double>>> byYear) {
      int[] years = byYear.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      TreeSet<Integer> ages = new TreeSet<>();
      byYear.values().forEach(s -> s.values().forEach(a -> ages.addAll(a.keySet())));
      int maxAge = ages.last();
      double[][][] hazard = new double[2][years.length][maxAge + 1];
      List<String> problems = new ArrayList<>();
      for (int y = 0; y < years.length; y++) {
        for (int s = 0; s < 2; s++) {
          TreeMap<Integer, Double> bySex = byYear.get(years[y]).get(s == 0 ? "M" : "F");
          for (int age = 0; age <= maxAge; age++) {
            Double h = bySex == null ? null : bySex.get(age);
            if (h == null) {
              problems.add(years[y] + "/" + (s == 0 ? "M" : "F") + "/" + age);
              continue;
            }
            hazard[s][y][age] = Double.isNaN(h) ? (age == 0 ? Double.NaN : hazard[s][y][age - 1]) : h;
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new ConfigError("life table" + (region.isEmpty() ? "" : " for region " + region)
            + ": missing year/sex/age cells " + problems.subList(0, Math.min(5, problems.size()))
            + (problems.size() > 5 ? " and " + (problems.size() - 5) + " more" : "")
            + " — give every single age from 0 to the open age for both sexes in every year");
      }
      return new Table(years, hazard, maxAge);
    }

    /** Index of the table year used for a calendar year. */
    int yearIndex(int calendarYear) {
      int idx = 0;
      for (int i = 0; i < years.length; i++) {
        if (years[i] <= calendarYear) {
          idx = i;
        }
      }
      return idx;
    }

    double hazard(int sex, int yearIndex, int age) {
      return hazard[sex][yearIndex][Math.min(Math.max(age, 0), maxAge)];
    }

    /** exp(hazard): the inverse of the cell's one-day population survival, computed once per cell. */
    double inverseDayFactor(int sex, int yearIndex, int age) {
      return inverseDayFactor[sex][yearIndex][Math.min(Math.max(age, 0), maxAge)];
    }

    int firstYear() {
      return years[0];
    }

    int lastYear() {
      return years[years.length - 1];
    }
  }
}
