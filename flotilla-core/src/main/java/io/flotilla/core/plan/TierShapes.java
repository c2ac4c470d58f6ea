package io.flotilla.core.plan;

import java.util.BitSet;
import java.util.List;

/**
 * The shapes a tier may launch and which classes each may hold. {@code anchors} marks exotic shapes
 * (GPU, accelerator or metal types): such a node is launched only for a class that needs it (no
 * generic type of the pool fits it, Karpenter's exotic filter), and other classes may only join
 * such a node; null where a shape has no such rule.
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
