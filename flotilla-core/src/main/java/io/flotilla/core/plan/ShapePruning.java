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
    List<Integer> kept = new ArrayList<>();
    for (int i : order) {
      boolean dominated = false;
      for (int k : kept) {
        if (java.util.Objects.equals(anchors.get(k), anchors.get(i))
            && covers(shapes.get(k), compatible.get(k), shapes.get(i), compatible.get(i))) {
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

  private static boolean covers(Shape a, BitSet servedA, Shape b, BitSet servedB) {
    if (a.price() > b.price() || a.pool() != b.pool()) {
      return false;
    }
    for (int d = 0; d < a.free().length; d++) {
      if (a.free()[d] < b.free()[d]) {
        return false;
      }
    }
    BitSet rest = (BitSet) servedB.clone();
    rest.andNot(servedA);
    return rest.isEmpty();
  }
}
