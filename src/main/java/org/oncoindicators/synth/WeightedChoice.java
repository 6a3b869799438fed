package org.oncoindicators.synth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** A fixed list of items drawn with probability proportional to their weights, in a stable order. */
final class WeightedChoice<T> {
  private final List<T> items;
  private final double[] cumulative;

  private WeightedChoice(List<T> items, double[] weights) {
    if (items.isEmpty() || items.size() != weights.length) {
      throw new IllegalArgumentException("a weighted choice needs one weight per item and at least one item");
    }
    this.items = List.copyOf(items);
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0 || Double.isNaN(weights[i])) {
        throw new IllegalArgumentException("weights must be non-negative, got " + weights[i] + " for " + items.get(i));
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("weights must not all be zero: " + items);
    }
  }

  static <T> WeightedChoice<T> of(List<T> items, ToDoubleFunction<T> weight) {
    return new WeightedChoice<>(items, items.stream().mapToDouble(weight).toArray());
  }

  static <T> WeightedChoice<T> of(List<T> items, double[] weights) {
    return new WeightedChoice<>(items, weights);
  }

  /** Reads [["item", weight], ...] at the given path, keeping the written order. */
  static WeightedChoice<String> pairs(Config config, String path) {
    List<String> items = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (ConfigValue value : config.getList(path)) {
      List<?> pair = (List<?>) value.unwrapped();
      if (pair.size() != 2 || !(pair.get(1) instanceof Number)) {
        throw new IllegalArgumentException(path + ": expected [\"item\", weight] pairs, got " + pair);
      }
      items.add(String.valueOf(pair.get(0)));
      weights.add(((Number) pair.get(1)).doubleValue());
    }
    return new WeightedChoice<>(items, weights.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Reads { key = number, ... } at the given path, sorted by key so the order never depends on parsing. */
  static Map<String, Double> numbers(Config config, String path) {
    Map<String, Double> values = new TreeMap<>();
    config.getConfig(path).root().keySet().forEach(key -> values.put(key, config.getConfig(path).getDouble(quoted(key))));
    return values;
  }

  static String quoted(String key) {
    return "\"" + key + "\"";
  }

  T pick(SplittableRandom rng) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    int index = Arrays.binarySearch(cumulative, u);
    index = index >= 0 ? index + 1 : -index - 1;
    while (index < items.size() - 1 && cumulative[index] == (index == 0 ? 0 : cumulative[index - 1])) {
      index++;
    }
    return items.get(Math.min(index, items.size() - 1));
  }

  List<T> items() {
    return items;
  }

  /** Probability of the item at the given position. */
  double probability(int index) {
    double previous = index == 0 ? 0 : cumulative[index - 1];
    return (cumulative[index] - previous) / cumulative[cumulative.length - 1];
  }
}
