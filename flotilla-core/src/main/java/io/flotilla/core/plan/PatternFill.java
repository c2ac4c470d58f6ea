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

  private final long[] smallest;

  PatternFill(List<PodClass> classes, Colocation colocation, int dims) {
    this.classes = classes;
    this.colocation = colocation;
    this.dims = dims;
    this.smallest = new long[dims];
    java.util.Arrays.fill(smallest, Long.MAX_VALUE);
    for (PodClass c : classes) {
      for (int d = 0; d < dims; d++) {
        smallest[d] = Math.min(smallest[d], c.request()[d]);
      }
    }
  }

  /** No class can fit any more: some resource is below every class's request of it. */
  private boolean full(long[] free) {
    for (int d = 0; d < dims; d++) {
      if (free[d] < smallest[d]) {
        return true;
      }
    }
    return false;
  }

  /** The two class orders of one shape under the current values: by density and by size. */
  record Orders(int[] byDensity, int[] bySize) {}

  Orders orders(Shape shape, int[] candidates, double[] values) {
    int n = candidates.length;
    double[] density = new double[n];
    double[] size = new double[n];
    for (int i = 0; i < n; i++) {
      long[] r = classes.get(candidates[i]).request();
      double l1 = 0;
      double max = 0;
      for (int d = 0; d < dims; d++) {
        if (r[d] > 0) {
          double f = (double) r[d] / shape.free()[d];
          l1 += f;
          max = Math.max(max, f);
        }
      }
      density[i] = values[candidates[i]] / Math.max(l1, 1e-12);
      size[i] = max;
    }
    return new Orders(sorted(candidates, density), sorted(candidates, size));
  }

  /**
   * The better of the two fills. With {@code anchors} (an exotic shape) the anchor classes go in
   * first and a fill without one is empty: such a node is only launched for a pod that needs it.
   */
  Pattern best(Shape shape, Orders orders, long[] remaining, double[] values, BitSet anchors) {
    Pattern byDensity = fill(shape, anchoredFirst(orders.byDensity(), anchors), remaining, values);
    Pattern bySize = fill(shape, anchoredFirst(orders.bySize(), anchors), remaining, values);
    Pattern best = bySize.value() > byDensity.value() + 1e-12 ? bySize : byDensity;
    if (anchors != null && java.util.Arrays.stream(best.classIds()).noneMatch(anchors::get)) {
      return Pattern.EMPTY;
    }
    return best;
  }

  private static int[] anchoredFirst(int[] order, BitSet anchors) {
    if (anchors == null) {
      return order;
    }
    int[] out = new int[order.length];
    int i = 0;
    for (int c : order) {
      if (anchors.get(c)) {
        out[i++] = c;
      }
    }
    for (int c : order) {
      if (!anchors.get(c)) {
        out[i++] = c;
      }
    }
    return out;
  }

  /** Class ids sorted by key, descending (stable on ties). */
  private static int[] sorted(int[] ids, double[] keys) {
    Integer[] idx = new Integer[keys.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(keys[b], keys[a]));
    int[] out = new int[ids.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids[idx[i]];
    }
    return out;
  }

  private Pattern fill(Shape shape, int[] order, long[] remaining, double[] values) {
    long[] free = shape.free().clone();
    int[] counts = null;
    int[] groupCounts = null;
    BitSet present = null;
    int[] ids = new int[Math.min(order.length, 64)];
    long[] taken = new long[ids.length];
    int m = 0;
    double value = 0;
    for (int c : order) {
      if (remaining[c] == 0) {
        continue;
      }
      long[] r = classes.get(c).request();
      long k = Math.min(remaining[c], Dimensions.copiesThatFit(r, free));
      if (k > 0 && colocation.active()) {
        if (counts == null) {
          counts = new int[classes.size()];
          groupCounts = new int[colocation.groupCount()];
          present = new BitSet();
        }
        k = Math.min(k, colocation.room(c, counts, groupCounts, present, null));
      }
      if (k <= 0) {
        continue;
      }
      Dimensions.subtract(free, r, k);
      if (counts != null) {
        colocation.add(c, k, counts, groupCounts, present);
      }
      if (m == ids.length) {
        ids = Arrays.copyOf(ids, m * 2);
        taken = Arrays.copyOf(taken, m * 2);
      }
      ids[m] = c;
      taken[m] = k;
      m++;
      value += k * values[c];
      if (full(free)) {
        break;
      }
    }
    return new Pattern(Arrays.copyOf(ids, m), Arrays.copyOf(taken, m), value);
  }
}
