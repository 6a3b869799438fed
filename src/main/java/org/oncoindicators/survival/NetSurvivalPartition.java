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
 * Streams one partition of tumours sorted by (centre, cancer group): each patient's daily path is
 * computed once and added to the sums of every stratum and approach it belongs to; when the
 * (centre, cancer group) changes, that group's curves are read out and its sums released. Only
 * per-group estimates leave the executor.
 */
final class NetSurvivalPartition implements FlatMapFunction<Iterator<Row>, Row> {
  private final Broadcast<PopulationHazards> hazards;
  private final NetSurvivalSettings settings;

  NetSurvivalPartition(Broadcast<PopulationHazards> hazards, NetSurvivalSettings settings) {
    this.hazards = hazards;
    this.settings = settings;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<Row> out = new ArrayList<>();
    PopulationHazards population = hazards.value();
    int maxDays = settings.maxDays();
    PatientPath path = new PatientPath(maxDays);
    Map<String, NetSurvivalSums> sums = new LinkedHashMap<>();
    String center = null;
    String group = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      String c = r.getString(0);
      String g = r.getString(1);
      if (!c.equals(center) || !g.equals(group)) {
        emit(center, group, sums, out);
        sums.clear();
        center = c;
        group = g;
      }
      int time = r.getInt(3);
      if (time <= 0) {
        continue; // rs.surv drops time-0 records (docs/relsurv-algorithm.md §1)
      }
      boolean censoredAtCap = time > maxDays;
      int days = Math.min(time, maxDays);
      boolean died = r.getInt(4) == 1 && !censoredAtCap;
      LocalDate diagnosis = r.getDate(7).toLocalDate();
      path.fill(population.forRegion(r.isNullAt(8) ? null : r.getString(8)), "F".equals(r.getString(5)) ? 1 : 0,
          r.getDouble(6) * settings.daysPerYear(), diagnosis.toEpochDay(), days, settings.daysPerYear());
      Seq<String> strata = r.getSeq(2);
      for (String approach : settings.approaches()) {
        int entry = "period".equals(approach)
            ? (int) Math.max(0, settings.periodWindowStart().toEpochDay() - diagnosis.toEpochDay()) : 0;
        for (int i = 0; i < strata.size(); i++) {
          sums.computeIfAbsent(strata.apply(i) + "\u0001" + approach, k -> new NetSurvivalSums(maxDays))
              .add(path, entry, died);
        }
      }
    }
    emit(center, group, sums, out);
    return out.iterator();
  }

  private void emit(String center, String group, Map<String, NetSurvivalSums> sums, List<Row> out) {
    for (Map.Entry<String, NetSurvivalSums> e : sums.entrySet()) {
      String[] key = e.getKey().split("\u0001");
      NetSurvivalCurve curve = new NetSurvivalCurve(e.getValue());
      for (NetSurvivalCurve.Method m : NetSurvivalCurve.Method.values()) {
        String estimator = m == NetSurvivalCurve.Method.EDERER2 ? NetSurvival.EDERER2 : NetSurvival.POHAR_PERME;
        for (int years : settings.horizonsYears()) {
          out.add(row(center, group, key, estimator, years, years * settings.daysPerYear(), curve, m));
        }
        if (!"all".equals(key[0])) {
          continue; // curves for plots are kept for the whole group only
        }
        double end = settings.maxDays() - 1;
        for (double t = settings.curveStepDays(); t <= end; t += settings.curveStepDays()) {
          out.add(row(center, group, key, estimator, null, t, curve, m));
        }
      }
    }
  }

  private static Row row(String center, String group, String[] key, String estimator, Integer years, double days,
                         NetSurvivalCurve curve, NetSurvivalCurve.Method m) {
    NetSurvivalCurve.Point p = curve.at(m, days);
    return RowFactory.create(center, group, key[0], key[1], estimator, years, days, p.survival(), p.logStdError(),
        curve.patients(), p.events(), p.estimable());
  }
}
