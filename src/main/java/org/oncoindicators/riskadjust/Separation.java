package org.oncoindicators.riskadjust;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Levels of categorical covariates that separate the outcome: no unit of the level has the event
 * (or, binomial, every unit has it). At the maximum-likelihood estimate such a level's coefficient
 * is infinite and its units' fitted mean is that limit (0 or 1 per unit), while the other
 * coefficients are exactly the fit on the remaining units without the level; IRLS run on all units
 * instead creeps towards the limit until its iteration cap. Levels are searched again on what
 * remains until none separates. A fixed reference level (the first follow-up interval) is never
 * fitted out.
 */
public final class Separation {
  /**
   * A fitted-out level.
   *
   * @param limit its units' fitted mean: 0 with no events, 1 (binomial) when every unit has the event
   */
  public record Level(String covariate, String level, double limit) {
    /** The term the level would have in the design. */
    public String term() {
      return covariate + "=" + level;
    }

    /** The coefficient at the limit: −∞ for no events, +∞ for events only. */
    public double coefficient() {
      return limit == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
  }

  private Separation() {}

  /**
   * The separating levels of {@code covariates} in the national table.
   *
   * @param events the column of events per row; {@code trials} the units per row (binomial only)
   * @return empty when nothing separates, or when fitting out would leave no row
   */
  public static List<Level> find(CountTable table, Glm.Family family, String events, String trials,
                                 List<Covariate> covariates) {
    List<String> sums = family == Glm.Family.BINOMIAL ? List.of(events, trials) : List.of(events);
    List<Level> out = new ArrayList<>();
    CountTable rest = table;
    while (true) {
      List<Level> found = new ArrayList<>();
      for (Covariate c : covariates) {
        if (!c.categorical()) {
          continue;
        }
        // in level order: the national rows come in no fixed order, the terms and status must not
        for (Row r : rest.sumBy(List.of(c.name()), sums).rows().stream().filter(x -> !x.isNullAt(0))
            .sorted(Comparator.comparing((Row x) -> x.getString(0))).toList()) {
          String level = r.getString(0);
          if (level.equals(c.fixedReference())) {
            continue;
          }
          double e = r.getDouble(1);
          if (e == 0) {
            found.add(new Level(c.name(), level, 0));
          } else if (family == Glm.Family.BINOMIAL && e == r.getDouble(2)) {
            found.add(new Level(c.name(), level, 1));
          }
        }
      }
      if (found.isEmpty()) {
        return out;
      }
      out.addAll(found);
      rest = remaining(rest, found);
      if (rest.isEmpty()) {
        return List.of();
      }
    }
  }

  /** The table's rows in none of {@code levels}. */
  public static CountTable remaining(CountTable table, List<Level> levels) {
    CountTable rest = table;
    for (Level l : levels) {
      rest = rest.without(l.covariate(), l.level());
    }
    return rest;
  }

  /** Whether a row is in none of {@code levels}, as a column for DataFrames of units or cells. */
  public static Column kept(List<Level> levels) {
    Column any = lit(false);
    for (Level l : levels) {
      any = any.or(col(l.covariate()).eqNullSafe(l.level()));
    }
    return not(any);
  }
}
