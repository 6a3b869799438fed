package org.oncoindicators.survival;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.Seq;

/**
 * Streams one partition of tumours sorted by (centre, cancer group): each tumour is added to the
 * Kaplan–Meier observations and — with a life table — its daily path to the net-survival sums of
 * every stratum and approach it belongs to; when the (centre, cancer group) changes, that group's
 * estimates are read out and its sums released. Only per-group estimates leave the executor, and
 * observed, relative and net survival cost one pass together.
 */
final class NetSurvivalPartition implements FlatMapFunction<Iterator<Row>, Row> {
  private final Broadcast<PopulationHazards> hazards;
  private final NetSurvivalSettings settings;

  /** @param hazards null without a life table: observed survival only */
  NetSurvivalPartition(Broadcast<PopulationHazards> hazards, NetSurvivalSettings settings) {
    this.hazards = hazards;
    this.settings = settings;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<Row> out = new ArrayList<>();
    PopulationHazards population = hazards == null ? null : hazards.value();
    int maxDays = settings.maxDays();
    PatientPath path = new PatientPath(maxDays);
    Map<String, NetSurvivalSums> sums = new LinkedHashMap<>();
    Map<String, ProductLimit> observed = new LinkedHashMap<>();
    String center = null;
    String group = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      String c = r.getString(0);
      String g = r.getString(1);
      if (!c.equals(center) || !g.equals(group)) {
        emit(center, group, observed, sums, out);
        observed.clear();
        sums.clear();
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
        for (int i = 0; i < strata.size(); i++) {
          String key = strata.apply(i) + "\u0001" + approach;
          if (followedInWindow) {
            observed.computeIfAbsent(key, k -> new ProductLimit()).add(entry, time, event);
          }
          if (net) {
            sums.computeIfAbsent(key, k -> new NetSurvivalSums(maxDays)).add(path, entry, died);
          }
        }
      }
    }
    emit(center, group, observed, sums, out);
    return out.iterator();
  }

  private void emit(String center, String group, Map<String, ProductLimit> observed, Map<String, NetSurvivalSums> sums,
                    List<Row> out) {
    for (Map.Entry<String, ProductLimit> e : observed.entrySet()) {
      String[] key = e.getKey().split("\u0001");
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
    for (Map.Entry<String, NetSurvivalSums> e : sums.entrySet()) {
      String[] key = e.getKey().split("\u0001");
      NetSurvivalCurve curve = new NetSurvivalCurve(e.getValue());
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
    }
  }

  /** One output row ({@link NetSurvival#OUTPUT}); a standard error of NaN (S reached 0) is NULL, as R's NA. */
  private static Row row(String center, String group, String[] key, String estimator, Integer years, double days,
                         NetSurvivalCurve.Point p, long patients) {
    return RowFactory.create(center, group, key[0], key[1], estimator, years, days, p.survival(),
        Double.isNaN(p.logStdError()) ? null : p.logStdError(), patients, p.events(), p.estimable());
  }
}
