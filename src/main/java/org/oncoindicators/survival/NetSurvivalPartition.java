package org.oncoindicators.survival;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.Seq;

/**
 * Streams one partition of tumours sorted by (cancer group, centre): each tumour is added to its
 * centre's Kaplan–Meier observations and — with a life table — its daily path to the net-survival
 * sums of every stratum and approach it belongs to. When the centre changes, that centre's
 * estimates are read out and its sums added to the national ones of the cancer group; when the
 * group changes, the national estimates are read out. Sums are additive, so each tumour's path is
 * computed and added once although it counts for its centre and the nation, and the whole group
 * ("all") is the sum of its age groups rather than a sum of its own. Only per-group estimates leave
 * the executor, and observed, relative and net survival cost one pass together.
 */
final class NetSurvivalPartition implements FlatMapFunction<Iterator<Row>, Row> {
  private static final String SEPARATOR = "\u0001";
  /** The part of the whole group without an age group (the whole group is the sum of its parts). */
  private static final String REST = "\u0002rest";
  private static final String AGE_GROUP_PREFIX = SurvivalStrata.AGE_GROUP + "=";

  private final Broadcast<PopulationHazards> hazards;
  private final NetSurvivalSettings settings;
  private final Map<String, Map<String, Double>> icssWeights;

  /**
   * @param hazards null without a life table: observed survival only
   * @param icssWeights cancer group → age group → ICSS weight, or null: no age-standardised estimate
   */
  NetSurvivalPartition(Broadcast<PopulationHazards> hazards, NetSurvivalSettings settings,
                       Map<String, Map<String, Double>> icssWeights) {
    this.hazards = hazards;
    this.settings = settings;
    this.icssWeights = icssWeights;
  }

  /** The observations and sums of one centre, or of the nation, for one cancer group, by stratum and approach. */
  private static final class Level {
    final Map<String, ProductLimit> observed = new LinkedHashMap<>();
    final Map<String, NetSurvivalSums> sums = new LinkedHashMap<>();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<Row> out = new ArrayList<>();
    PopulationHazards population = hazards == null ? null : hazards.value();
    int maxDays = settings.maxDays();
    PatientPath path = new PatientPath(maxDays);
    Deque<NetSurvivalSums> free = new ArrayDeque<>();
    Level centre = new Level();
    Level nation = new Level();
    String group = null;
    String center = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      String c = r.isNullAt(0) ? null : r.getString(0);
      String g = r.getString(1);
      if (!g.equals(group) || !Objects.equals(c, center)) {
        closeCentre(center, group, centre, nation, free, out);
        if (group != null && !g.equals(group)) {
          emit(NetSurvival.ALL_CENTERS, group, nation, free, out);
          release(nation, free);
        }
        center = c;
        group = g;
      }
      int time = r.getInt(3);
      boolean event = r.getInt(4) == 1;
      LocalDate diagnosis = r.getDate(7).toLocalDate();
      // rs.surv drops time-0 records (docs/relsurv-algorithm.md §1); survfit counts them
      boolean net = population != null && time > 0;
      boolean died = false;
      if (net) {
        boolean censoredAtCap = time > maxDays;
        int days = Math.min(time, maxDays);
        died = event && !censoredAtCap;
        path.fill(population.forRegion(r.isNullAt(8) ? null : r.getString(8)), "F".equals(r.getString(5)) ? 1 : 0,
            r.getDouble(6) * settings.daysPerYear(), diagnosis.toEpochDay(), days, settings.daysPerYear());
      }
      Seq<String> strata = r.getSeq(2);
      for (String approach : settings.approaches()) {
        int entry = "period".equals(approach)
            ? (int) Math.max(0, settings.periodWindowStart().toEpochDay() - diagnosis.toEpochDay()) : 0;
        boolean followedInWindow = time > entry || entry == 0;
        boolean inAgeGroup = false;
        for (int i = 0; i < strata.size(); i++) {
          String label = strata.apply(i);
          String key = label + SEPARATOR + approach;
          if (followedInWindow) {
            centre.observed.computeIfAbsent(key, k -> new ProductLimit()).add(entry, time, event);
          }
          if (net && !SurvivalStrata.ALL.equals(label)) {
            inAgeGroup |= label.startsWith(AGE_GROUP_PREFIX);
            centre.sums.computeIfAbsent(key, k -> take(free, maxDays)).add(path, entry, died);
          }
        }
        if (net && !inAgeGroup) {
          centre.sums.computeIfAbsent(REST + SEPARATOR + approach, k -> take(free, maxDays)).add(path, entry, died);
        }
      }
    }
    closeCentre(center, group, centre, nation, free, out);
    if (group != null) {
      emit(NetSurvival.ALL_CENTERS, group, nation, free, out);
    }
    return out.iterator();
  }

  /** Reads out a centre's estimates (none for tumours without a centre) and adds its observations and sums to the nation's. */
  private void closeCentre(String center, String group, Level centre, Level nation, Deque<NetSurvivalSums> free,
                           List<Row> out) {
    if (center != null) {
      emit(center, group, centre, free, out);
    }
    centre.observed.forEach((key, pl) -> nation.observed.computeIfAbsent(key, k -> new ProductLimit()).addAll(pl));
    centre.sums.forEach((key, s) -> nation.sums.computeIfAbsent(key, k -> take(free, settings.maxDays())).addAll(s));
    release(centre, free);
  }

  private void emit(String center, String group, Level level, Deque<NetSurvivalSums> free, List<Row> out) {
    for (Map.Entry<String, ProductLimit> e : level.observed.entrySet()) {
      String[] key = e.getKey().split(SEPARATOR);
      ProductLimit.Curve curve = e.getValue().curve();
      for (int years : settings.horizonsYears()) {
        double days = years * settings.daysPerYear();
        out.add(row(center, group, key, NetSurvival.OBSERVED, years, days, curve.at(days), curve.patients()));
      }
      if (SurvivalStrata.ALL.equals(key[0])) { // every time with an exit, for plots of the whole group
        for (int i = 0; i < curve.times().length; i++) {
          out.add(row(center, group, key, NetSurvival.OBSERVED, null, curve.times()[i], new NetSurvivalCurve.Point(
              curve.survival()[i], curve.logSe()[i], curve.cumulativeDeaths()[i], true), curve.patients()));
        }
      }
    }
    Map<String, NetSurvivalSums> whole = new LinkedHashMap<>(); // by approach: the sum of the age groups and the rest
    Map<String, Map<String, NetSurvivalCurve>> byAge = new LinkedHashMap<>(); // by approach: age group → curve
    for (Map.Entry<String, NetSurvivalSums> e : level.sums.entrySet()) {
      String[] key = e.getKey().split(SEPARATOR);
      if (key[0].equals(REST) || key[0].startsWith(AGE_GROUP_PREFIX)) {
        whole.computeIfAbsent(key[1], k -> take(free, settings.maxDays())).addAll(e.getValue());
      }
      if (!key[0].equals(REST)) {
        NetSurvivalCurve curve = emitNet(center, group, key, e.getValue(), out);
        if (key[0].startsWith(AGE_GROUP_PREFIX)) {
          byAge.computeIfAbsent(key[1], k -> new LinkedHashMap<>()).put(key[0].substring(AGE_GROUP_PREFIX.length()), curve);
        }
      }
    }
    for (Map.Entry<String, NetSurvivalSums> e : whole.entrySet()) {
      String[] key = {SurvivalStrata.ALL, e.getKey()};
      emitNet(center, group, key, e.getValue(), out);
      free.push(clear(e.getValue()));
      if (icssWeights != null) {
        for (int years : settings.horizonsYears()) {
          double days = years * settings.daysPerYear();
          AgeStandardisedSurvival.Standardised a = AgeStandardisedSurvival.at(icssWeights.get(group),
              byAge.getOrDefault(e.getKey(), Map.of()), days);
          out.add(row(center, group, key, AgeStandardisedSurvival.ESTIMATOR, years, days, a.point(), a.patients()));
        }
      }
    }
  }

  /** Emits a stratum's Ederer II and Pohar-Perme rows and returns its curves. */
  private NetSurvivalCurve emitNet(String center, String group, String[] key, NetSurvivalSums sums, List<Row> out) {
    NetSurvivalCurve curve = new NetSurvivalCurve(sums);
    for (NetSurvivalCurve.Method m : NetSurvivalCurve.Method.values()) {
      String estimator = m == NetSurvivalCurve.Method.EDERER2 ? NetSurvival.EDERER2 : NetSurvival.POHAR_PERME;
      for (int years : settings.horizonsYears()) {
        double days = years * settings.daysPerYear();
        out.add(row(center, group, key, estimator, years, days, curve.at(m, days), curve.patients()));
      }
      if (!SurvivalStrata.ALL.equals(key[0])) {
        continue; // curves for plots are kept for the whole group only
      }
      double end = settings.maxDays() - 1;
      for (double t = settings.curveStepDays(); t <= end; t += settings.curveStepDays()) {
        out.add(row(center, group, key, estimator, null, t, curve.at(m, t), curve.patients()));
      }
    }
    return curve;
  }

  private static NetSurvivalSums take(Deque<NetSurvivalSums> free, int maxDays) {
    return free.isEmpty() ? new NetSurvivalSums(maxDays) : free.pop();
  }

  private static NetSurvivalSums clear(NetSurvivalSums s) {
    s.clear();
    return s;
  }

  /** Empties a level, keeping its sums' arrays for the next group. */
  private static void release(Level level, Deque<NetSurvivalSums> free) {
    level.sums.values().forEach(s -> free.push(clear(s)));
    level.sums.clear();
    level.observed.clear();
  }

  /** One output row ({@link NetSurvival#OUTPUT}); a standard error of NaN (S reached 0) is NULL, as R's NA. */
  private static Row row(String center, String group, String[] key, String estimator, Integer years, double days,
                         NetSurvivalCurve.Point p, long patients) {
    return RowFactory.create(center, group, key[0], key[1], estimator, years, days, p.survival(),
        Double.isNaN(p.logStdError()) ? null : p.logStdError(), patients, p.events(), p.estimable());
  }
}
