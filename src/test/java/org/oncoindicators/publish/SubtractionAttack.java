package org.oncoindicators.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader can work out from a published table by subtraction: given the published values
 * and the sums that hold between cells (a total and its components, or two cells that count the
 * same thing), solves every sum with one unknown, again and again until nothing more follows.
 * Suppression works when no hidden cell's true value is among what this recovers.
 */
final class SubtractionAttack {
  private final Map<String, Long> known = new HashMap<>();
  private final List<Sum> sums = new ArrayList<>();

  /** total = sum of components. */
  record Sum(String total, List<String> components) {}

  void publish(String cell, Long value) {
    if (value != null) {
      known.put(cell, value);
    }
  }

  void sum(String total, List<String> components) {
    sums.add(new Sum(total, components));
  }

  /** The hidden cells the reader recovers, with the values worked out. */
  Map<String, Long> recover() {
    Map<String, Long> values = new HashMap<>(known);
    Map<String, Long> recovered = new LinkedHashMap<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Sum s : sums) {
        List<String> unknown = new ArrayList<>();
        long componentSum = 0;
        for (String c : s.components()) {
          if (values.containsKey(c)) {
            componentSum += values.get(c);
          } else {
            unknown.add(c);
          }
        }
        boolean totalKnown = values.containsKey(s.total());
        if (totalKnown && unknown.size() == 1) {
          long v = values.get(s.total()) - componentSum;
          values.put(unknown.get(0), v);
          recovered.put(unknown.get(0), v);
          progress = true;
        } else if (!totalKnown && unknown.isEmpty()) {
          values.put(s.total(), componentSum);
          recovered.put(s.total(), componentSum);
          progress = true;
        }
      }
    }
    return recovered;
  }
}
