package org.oncoindicators.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The product-limit walk of {@link KaplanMeier#curve} over one partition of (group, time, deaths,
 * exits, entries) rows sorted by group and time: per group, the number at risk (tumours whose exit
 * is at or after t, less those entering later), S(t) = Π (1 − d/n), Greenwood's Σ d / (n (n − d))
 * and the cumulative deaths, one output row per time with an exit. A single sorted pass replaces
 * four window functions (two sorts of every group × time row); at one million tumours the windows
 * took 80 s.
 */
final class ProductLimitWalk implements MapPartitionsFunction<Row, Row> {
  private final int groupWidth;

  /** @param groupWidth the number of group columns, which come first; then time, deaths, exits, entries */
  ProductLimitWalk(int groupWidth) {
    this.groupWidth = groupWidth;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> sorted) {
    return new Iterator<>() {
      private final List<Row> group = new ArrayList<>();
      private Row next;
      private Iterator<Row> out = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!out.hasNext() && (next != null || sorted.hasNext())) {
          group.clear();
          Row first = next != null ? next : sorted.next();
          next = null;
          group.add(first);
          while (sorted.hasNext()) {
            Row r = sorted.next();
            if (sameGroup(first, r)) {
              group.add(r);
            } else {
              next = r;
              break;
            }
          }
          out = walk(group).iterator();
        }
        return out.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return out.next();
      }
    };
  }

  private boolean sameGroup(Row a, Row b) {
    for (int i = 0; i < groupWidth; i++) {
      if (!Objects.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** One group's curve; rows in ascending time. */
  private List<Row> walk(List<Row> rows) {
    long remaining = 0;
    for (Row r : rows) {
      remaining += exits(r) - entries(r);
    }
    List<Row> out = new ArrayList<>(rows.size());
    double logSum = 0;
    double greenwood = 0;
    long cumEvents = 0;
    boolean reachedZero = false;
    for (Row r : rows) {
      long deaths = r.getLong(groupWidth + 1);
      long atRisk = remaining;
      remaining -= exits(r) - entries(r);
      double d = deaths;
      double n = atRisk;
      if (d > 0 && d < n) {
        logSum += StrictMath.log(1.0 - d / n);
        greenwood += d / (n * (n - d));
      }
      reachedZero |= d > 0 && d == n;
      cumEvents += deaths;
      if (exits(r) > 0) {
        Object[] values = Arrays.copyOf(rowValues(r), groupWidth + 6);
        values[groupWidth + 2] = atRisk;
        values[groupWidth + 3] = reachedZero ? 0.0 : StrictMath.exp(logSum);
        values[groupWidth + 4] = reachedZero ? null : StrictMath.sqrt(greenwood);
        values[groupWidth + 5] = cumEvents;
        out.add(RowFactory.create(values));
      }
    }
    return out;
  }

  /** Group columns, time and deaths. */
  private Object[] rowValues(Row r) {
    Object[] v = new Object[groupWidth + 2];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    return v;
  }

  private long exits(Row r) {
    return r.getLong(groupWidth + 2);
  }

  private long entries(Row r) {
    return r.getLong(groupWidth + 3);
  }
}
