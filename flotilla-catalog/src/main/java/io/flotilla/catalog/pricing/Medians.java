package io.flotilla.catalog.pricing;

import java.util.Collection;

/** The median of a collection of numbers: the middle value, or the mean of the two middle ones. */
final class Medians {
  private Medians() {}

  static double of(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of nothing");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
