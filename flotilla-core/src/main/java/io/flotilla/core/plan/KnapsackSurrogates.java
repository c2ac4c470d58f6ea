package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The surrogate resources of a {@link NodeKnapsack}'s search: combinations of resources (the LP's
 * resource prices, all resources relative to the room, each resource alone), the items in each
 * one's density order, and the one-dimensional fractional bounds they give. Kept apart from the
 * knapsack because they are built only when a search runs, not for the LP bound alone.
 */
final class KnapsackSurrogates {
  private final int dims;
  private final int[] items;
  private final long[][] request;
  private final long[] limit;
  private final double[] value;
  private final double[][] weights;
  private final int[][] byDensity;

  /**
   * Combinations of resources for the fractional bounds: the resource prices found (first: they
   * also order the branching), all resources relative to the room, and each resource alone.
   *
   * @param items the demand positions the knapsack considers (worth something, limit above zero)
   * @param prices per resource, the LP's price
   */
  KnapsackSurrogates(
      long[] room, int[] items, long[][] request, long[] limit, double[] value, double[] prices) {
    this.dims = room.length;
    this.items = items;
    this.request = request;
    this.limit = limit;
    this.value = value;
    List<double[]> out = new ArrayList<>();
    boolean priced = false;
    for (double x : prices) {
      priced |= x > 0;
    }
    if (priced) {
      out.add(prices);
    }
    double[] balanced = new double[dims];
    for (int d = 0; d < dims; d++) {
      if (room[d] > 0) {
        balanced[d] = 1.0 / room[d];
      }
    }
    out.add(balanced);
    for (int d = 0; d < dims; d++) {
      if (room[d] > 0) {
        double[] unit = new double[dims];
        unit[d] = 1.0 / room[d];
        out.add(unit);
      }
    }
    weights = out.toArray(double[][]::new);
    byDensity = new int[weights.length][];
    for (int w = 0; w < weights.length; w++) {
      byDensity[w] = sortedByDensity(weights[w]);
    }
  }

  /** Per surrogate, the items by descending value per unit of it (ties by demand position). */
  int[][] byDensity() {
    return byDensity;
  }

  private double weight(double[] w, int k) {
    double s = 0;
    for (int d = 0; d < dims; d++) {
      s += w[d] * request[k][d];
    }
    return s;
  }

  private int[] sortedByDensity(double[] w) {
    double[] key = new double[items.length];
    double[] position = new double[items.length];
    for (int i = 0; i < items.length; i++) {
      double wt = weight(w, items[i]);
      // Descending density; ties by demand position, which the secondary pass keeps stable.
      key[i] = wt <= 0 ? Double.NEGATIVE_INFINITY : -value[items[i]] / wt;
      position[i] = items[i];
    }
    sortByFirst(key, position, 0, items.length - 1);
    int[] out = new int[items.length];
    int i = 0;
    while (i < items.length) {
      int j = i;
      while (j < items.length && key[j] == key[i]) {
        j++;
      }
      Arrays.sort(position, i, j);
      i = j;
    }
    for (int k = 0; k < out.length; k++) {
      out[k] = (int) position[k];
    }
    return out;
  }

  /**
   * What the undecided items could still add in the free room, fractionally: the smallest
   * one-dimensional bound over the first surrogates.
   */
  double fractionalBound(long[] free, boolean[] decided) {
    double best = Double.POSITIVE_INFINITY;
    // The first two (the LP's prices, all resources relative to the room) nearly always decide.
    for (int w = 0; w < Math.min(2, weights.length); w++) {
      double capacity = 0;
      for (int d = 0; d < dims; d++) {
        capacity += weights[w][d] * free[d];
      }
      double total = 0;
      for (int k : byDensity[w]) {
        if (decided[k]) {
          continue;
        }
        double wt = weight(weights[w], k);
        if (wt <= 0) {
          total += value[k] * limit[k];
          continue;
        }
        if (capacity <= 0) {
          break;
        }
        double take = Math.min(limit[k], capacity / wt);
        total += take * value[k];
        capacity -= take * wt;
      }
      best = Math.min(best, total);
    }
    return best;
  }

  /** Sorts two parallel arrays by the first, ascending (quicksort, ranges inclusive). */
  private static void sortByFirst(double[] key, double[] other, int lo, int hi) {
    while (lo < hi) {
      double pivot = key[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (key[i] < pivot) {
          i++;
        }
        while (key[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double a = key[i];
          key[i] = key[j];
          key[j] = a;
          double b = other[i];
          other[i] = other[j];
          other[j] = b;
          i++;
          j--;
        }
      }
      if (j - lo < hi - i) {
        sortByFirst(key, other, lo, j);
        lo = i;
      } else {
        sortByFirst(key, other, i, hi);
        hi = j;
      }
    }
  }
}
