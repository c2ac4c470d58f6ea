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

  /**
   * Every class's request side by side (class c at c * dims): a fill reads them in a tight loop.
   */
  private final long[] requests;

  PatternFill(List<PodClass> classes, Colocation colocation, int dims) {
    this.classes = classes;
    this.colocation = colocation;
    this.dims = dims;
    this.smallest = new long[dims];
    this.requests = new long[classes.size() * dims];
    java.util.Arrays.fill(smallest, Long.MAX_VALUE);
    for (int i = 0; i < classes.size(); i++) {
      long[] r = classes.get(i).request();
      for (int d = 0; d < dims; d++) {
        smallest[d] = Math.min(smallest[d], r[d]);
      }
      System.arraycopy(r, 0, requests, i * dims, dims);
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

  /**
   * The two orders of {@code candidates} in a room: they depend on the room, not the shape, so the
   * shapes of one room share them ({@link #restricted}).
   */
  Orders orders(long[] free, int[] candidates, double[] values) {
    int n = candidates.length;
    double[] density = new double[n];
    double[] size = new double[n];
    for (int i = 0; i < n; i++) {
      long[] r = classes.get(candidates[i]).request();
      double l1 = 0;
      double max = 0;
      for (int d = 0; d < dims; d++) {
        if (r[d] > 0) {
          double f = (double) r[d] / free[d];
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
   * A shape's orders from its room's: the room's orders of classes in ascending id order are stable
   * sorts, so keeping the shape's {@code compatible} classes gives what sorting them alone would.
   * With {@code anchors} (an exotic shape) the anchor classes come first in both.
   */
  static Orders restricted(Orders room, BitSet compatible, BitSet anchors) {
    return new Orders(
        anchoredFirst(keep(room.byDensity(), compatible), anchors),
        anchoredFirst(keep(room.bySize(), compatible), anchors));
  }

  private static int[] keep(int[] order, BitSet compatible) {
    int[] out = new int[order.length];
    int m = 0;
    for (int c : order) {
      if (compatible.get(c)) {
        out[m++] = c;
      }
    }
    return m == order.length ? order : Arrays.copyOf(out, m);
  }

  /**
   * One greedy fill of a shape in one order, with the position in the order of each class it took:
   * a later fill in the same order with fewer pods left repeats it up to the first class that ran
   * short, so it starts there.
   */
  record Fill(int[] order, Pattern pattern, int[] positions) {}

  /**
   * The better of the two fills. With {@code anchors} (an exotic shape, whose orders put the anchor
   * classes first) a fill without an anchor class is empty: such a node is only launched for a pod
   * that needs it.
   */
  static Pattern best(Fill byDensity, Fill bySize, BitSet anchors) {
    Pattern density = byDensity.pattern();
    Pattern size = bySize.pattern();
    Pattern best = size.value() > density.value() + 1e-12 ? size : density;
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
  static int[] sorted(int[] ids, double[] keys) {
    // The order of a stable sort by Double.compare, descending, without boxing: each key as an
    // unsigned long that orders the other way round, then a stable least-significant-byte radix
    // sort of (key, id) pairs, skipping the bytes all keys share (most do: the keys of one shape
    // are close). Linear, which matters: every shape's orders are sorted on every packing.
    int n = keys.length;
    long[] key = new long[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToLongBits(keys[i]);
      long signed = bits ^ ((bits >> 63) & Long.MAX_VALUE);
      key[i] = ~(signed ^ Long.MIN_VALUE);
    }
    int[] id = Arrays.copyOf(ids, n);
    long[] keyTo = new long[n];
    int[] idTo = new int[n];
    int[] start = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(start, 0);
      for (int i = 0; i < n; i++) {
        start[(int) ((key[i] >>> shift) & 0xFF) + 1]++;
      }
      if (oneBucket(start, n)) {
        continue;
      }
      for (int b = 0; b < 256; b++) {
        start[b + 1] += start[b];
      }
      for (int i = 0; i < n; i++) {
        int at = start[(int) ((key[i] >>> shift) & 0xFF)]++;
        keyTo[at] = key[i];
        idTo[at] = id[i];
      }
      long[] k = key;
      key = keyTo;
      keyTo = k;
      int[] v = id;
      id = idTo;
      idTo = v;
    }
    return id;
  }

  private static boolean oneBucket(int[] counts, int n) {
    for (int b = 1; b < counts.length; b++) {
      if (counts[b] == n) {
        return true;
      }
      if (counts[b] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Does one pod of class c fit, in every dimension its request uses? */
  private boolean fitsOnce(int c, long[] free) {
    int base = c * dims;
    for (int d = 0; d < dims; d++) {
      long r = requests[base + d];
      if (r > 0 && r > free[d]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Fills one node of the shape taking classes in {@code order}. {@code previous}, a fill of the
   * same order array before some pods were placed, is kept up to the first class it took that has
   * fewer pods left than it took: every decision before that one comes out the same again (classes
   * it skipped only have fewer pods now, the free room there is the same).
   */
  Fill fill(Shape shape, int[] order, long[] remaining, double[] values, Fill previous) {
    int kept = 0;
    if (previous != null && previous.order() == order) {
      Pattern p = previous.pattern();
      while (kept < p.classIds().length && remaining[p.classIds()[kept]] >= p.counts()[kept]) {
        kept++;
      }
      if (kept == p.classIds().length) {
        return previous;
      }
    } else {
      previous = null;
    }
    long[] free = shape.free().clone();
    int[] counts = null;
    int[] groupCounts = null;
    BitSet present = null;
    int[] ids = new int[Math.min(order.length, 64)];
    long[] taken = new long[ids.length];
    int[] positions = new int[ids.length];
    int m = 0;
    double value = 0;
    int start = 0;
    if (previous != null) {
      // Replay the kept part: the same takes, in the same order, give the same state.
      for (int i = 0; i < kept; i++) {
        int c = previous.pattern().classIds()[i];
        long k = previous.pattern().counts()[i];
        Dimensions.subtract(free, classes.get(c).request(), k);
        if (colocation.active()) {
          if (counts == null) {
            counts = new int[classes.size()];
            groupCounts = new int[colocation.groupCount()];
            present = new BitSet();
          }
          colocation.add(c, k, counts, groupCounts, present);
        }
        if (m == ids.length) {
          ids = Arrays.copyOf(ids, m * 2);
          taken = Arrays.copyOf(taken, m * 2);
          positions = Arrays.copyOf(positions, m * 2);
        }
        ids[m] = c;
        taken[m] = k;
        positions[m] = previous.positions()[i];
        m++;
        value += k * values[c];
      }
      start = previous.positions()[kept];
    }
    for (int at = start; at < order.length; at++) {
      int c = order[at];
      if (remaining[c] == 0) {
        continue;
      }
      // Most classes no longer fit a filling node: compare before dividing.
      if (!fitsOnce(c, free)) {
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
        positions = Arrays.copyOf(positions, m * 2);
      }
      ids[m] = c;
      taken[m] = k;
      positions[m] = at;
      m++;
      value += k * values[c];
      if (full(free)) {
        break;
      }
    }
    return new Fill(
        order,
        new Pattern(Arrays.copyOf(ids, m), Arrays.copyOf(taken, m), value),
        Arrays.copyOf(positions, m));
  }
}
