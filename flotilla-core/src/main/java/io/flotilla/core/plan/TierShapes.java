package io.flotilla.core.plan;

import java.util.BitSet;
import java.util.List;

/**
 * The shapes a tier may launch and which classes each may hold. {@code anchors} marks the classes a
 * node of the shape may be launched for, where not every compatible class may: exotic shapes (GPU,
 * accelerator or metal types) are launched only for a class that needs them (no generic type of the
 * pool fits it, Karpenter's exotic filter), on-demand shapes of a Spot pool only for a class that
 * cannot use Spot ({@link OnDemandFillers}); other classes may only join such a node. Null where a
 * shape has no such rule.
 */
record TierShapes(List<Shape> shapes, BitSet[] compatible, BitSet[] anchors) {
  static final TierShapes EMPTY = new TierShapes(List.of(), new BitSet[0], new BitSet[0]);

  int size() {
    return shapes.size();
  }

  Shape shape(int s) {
    return shapes.get(s);
  }

  /** May one node of shape s hold exactly these classes? */
  boolean admits(int s, int[] classIds) {
    for (int c : classIds) {
      if (!compatible[s].get(c)) {
        return false;
      }
    }
    if (anchors[s] == null) {
      return true;
    }
    for (int c : classIds) {
      if (anchors[s].get(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the shape needs one of its anchor classes on every node. */
  boolean anchored(int s) {
    return anchors[s] != null;
  }
}
