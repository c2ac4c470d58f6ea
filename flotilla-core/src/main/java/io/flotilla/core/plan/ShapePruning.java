package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Drops shapes no packing needs: another shape of the same tier serves every class this one serves,
 * costs no more, and has at least as much room in every resource.
 */
final class ShapePruning {
  private ShapePruning() {}

  /** Positions (into shapes) of the shapes kept, cheapest first. */
  static List<Integer> undominated(
      List<Shape> shapes, List<BitSet> compatible, List<BitSet> anchors) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingDouble((Integer i) -> shapes.get(i).price())
            .thenComparingInt(i -> shapes.get(i).id()));
    // The served classes as words, taken once: the pairwise checks then allocate nothing.
    long[][] served = new long[shapes.size()][];
    for (int i = 0; i < served.length; i++) {
      served[i] = compatible.get(i).toLongArray();
    }
    List<Integer> kept = new ArrayList<>();
    for (int i : order) {
      boolean dominated = false;
      for (int k : kept) {
        if (java.util.Objects.equals(anchors.get(k), anchors.get(i))
            && covers(shapes.get(k), served[k], shapes.get(i), served[i])) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        kept.add(i);
      }
    }
    return kept;
  }

  private static boolean covers(Shape a, long[] servedA, Shape b, long[] servedB) {
    if (a.price() > b.price() || a.pool() != b.pool()) {
      return false;
    }
    for (int d = 0; d < a.free().length; d++) {
      if (a.free()[d] < b.free()[d]) {
        return false;
      }
    }
    // Every class b serves, a serves too.
    for (int w = 0; w < servedB.length; w++) {
      long inA = w < servedA.length ? servedA[w] : 0L;
      if ((servedB[w] & ~inA) != 0) {
        return false;
      }
    }
    return true;
  }
}
