package io.flotilla.core.plan;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Fills one node of a shape from the remaining pods, greedily in a given class order, honouring
 * resources and the co-location rules. Two orders are tried: value per unit of the shape's room
 * (mixes complementary pods) and largest first (first-fit decreasing on one node).
 */
final class PatternFill {
  private final List<PodClass> classes;
  private final Colocation colocation;
  private final int dims;

  PatternFill(List<PodClass> classes, Colocation colocation, int dims) {
    this.classes = classes;
    this.colocation = colocation;
    this.dims = dims;
  }

  Pattern best(Shape shape, int[] candidates, long[] remaining, double[] values) {
    int n = 0;
    int[] live = new int[candidates.length];
    for (int c : candidates) {
      if (remaining[c] > 0) {
        live[n++] = c;
      }
    }
    if (n == 0) {
      return Pattern.EMPTY;
    }
    live = Arrays.copyOf(live, n);
    double[] density = new double[n];
    double[] size = new double[n];
    for (int i = 0; i < n; i++) {
      long[] r = classes.get(live[i]).request();
      double l1 = 0;
      double max = 0;
      for (int d = 0; d < dims; d++) {
        if (r[d] > 0) {
          double f = (double) r[d] / shape.free()[d];
          l1 += f;
          max = Math.max(max, f);
        }
      }
      density[i] = values[live[i]] / Math.max(l1, 1e-12);
      size[i] = max;
    }
    Pattern byDensity = fill(shape, live, order(density), remaining, values);
    Pattern bySize = fill(shape, live, order(size), remaining, values);
    return bySize.value() > byDensity.value() + 1e-12 ? bySize : byDensity;
  }

  /** Indices of keys sorted descending (stable on ties). */
  private static Integer[] order(double[] keys) {
    Integer[] idx = new Integer[keys.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(keys[b], keys[a]));
    return idx;
  }

  private Pattern fill(
      Shape shape, int[] live, Integer[] order, long[] remaining, double[] values) {
    long[] free = shape.free().clone();
    int[] counts = new int[classes.size()];
    int[] groupCounts = new int[colocation.groupCount()];
    BitSet present = new BitSet();
    int[] ids = new int[live.length];
    long[] taken = new long[live.length];
    int m = 0;
    double value = 0;
    for (Integer i : order) {
      int c = live[i];
      long[] r = classes.get(c).request();
      long k = Math.min(remaining[c], Dimensions.copiesThatFit(r, free));
      if (k > 0 && colocation.constrained(c)) {
        k = Math.min(k, colocation.room(c, counts, groupCounts, present, null));
      }
      if (k <= 0) {
        continue;
      }
      Dimensions.subtract(free, r, k);
      colocation.add(c, k, counts, groupCounts, present);
      ids[m] = c;
      taken[m] = k;
      m++;
      value += k * values[c];
    }
    return new Pattern(Arrays.copyOf(ids, m), Arrays.copyOf(taken, m), value);
  }
}
