package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy packing is weakest at its tail, where few pods are left and it opens small half-full
 * nodes. This pass takes the single (unrepeated) nodes and merges any two into one cheaper shape
 * that holds both, best saving first, until no merge saves money.
 */
final class TailMerging {
  private static final int MAX_TAIL = 64;

  private TailMerging() {}

  static List<NodeBatch> apply(
      List<NodeBatch> batches,
      TierShapes tier,
      List<PodClass> classes,
      Colocation colocation,
      int dims,
      PoolBudget budget) {
    List<NodeBatch> repeated = new ArrayList<>();
    List<NodeBatch> tail = new ArrayList<>();
    for (NodeBatch b : batches) {
      (b.nodes() == 1 && tail.size() < MAX_TAIL ? tail : repeated).add(b);
    }
    boolean merged = true;
    while (merged && tail.size() > 1) {
      merged = false;
      double bestSaving = 1e-9;
      int bestI = -1;
      int bestJ = -1;
      NodeBatch bestMerge = null;
      for (int i = 0; i < tail.size(); i++) {
        for (int j = i + 1; j < tail.size(); j++) {
          NodeBatch a = tail.get(i);
          NodeBatch b = tail.get(j);
          double before = a.shape().price() + b.shape().price();
          NodeBatch m = merge(a, b, tier, classes, colocation, dims, budget, before - bestSaving);
          if (m != null && before - m.shape().price() > bestSaving) {
            bestSaving = before - m.shape().price();
            bestI = i;
            bestJ = j;
            bestMerge = m;
          }
        }
      }
      if (bestMerge != null) {
        budget.swap(
            List.of(tail.get(bestI).shape(), tail.get(bestJ).shape()), 1, bestMerge.shape());
        tail.remove(bestJ);
        tail.set(bestI, bestMerge);
        merged = true;
      }
    }
    List<NodeBatch> out = new ArrayList<>(repeated);
    out.addAll(tail);
    return out;
  }

  /** The cheapest single node holding both nodes' pods, below {@code priceBelow}, or null. */
  private static NodeBatch merge(
      NodeBatch a,
      NodeBatch b,
      TierShapes tier,
      List<PodClass> classes,
      Colocation colocation,
      int dims,
      PoolBudget budget,
      double priceBelow) {
    Map<Integer, Long> counts = new LinkedHashMap<>();
    for (NodeBatch x : List.of(a, b)) {
      for (int i = 0; i < x.classIds().length; i++) {
        counts.merge(x.classIds()[i], x.perNode()[i], Long::sum);
      }
    }
    int[] ids = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
    long[] per = counts.values().stream().mapToLong(Long::longValue).toArray();
    if (!colocationAllows(ids, per, classes.size(), colocation)) {
      return null;
    }
    long[] used = new long[dims];
    for (int i = 0; i < ids.length; i++) {
      long[] r = classes.get(ids[i]).request();
      for (int d = 0; d < dims; d++) {
        used[d] += r[d] * per[i];
      }
    }
    Shape best = null;
    for (int s = 0; s < tier.size(); s++) {
      Shape shape = tier.shape(s);
      if (shape.price() >= priceBelow || (best != null && shape.price() >= best.price())) {
        continue;
      }
      if (Dimensions.fits(used, shape.free())
          && tier.admits(s, ids)
          && budget.allowsSwap(List.of(a.shape(), b.shape()), 1, shape)) {
        best = shape;
      }
    }
    return best == null ? null : new NodeBatch(best, ids, per, 1);
  }

  private static boolean colocationAllows(
      int[] ids, long[] per, int classCount, Colocation colocation) {
    if (!colocation.active()) {
      return true;
    }
    int[] counts = new int[classCount];
    int[] groupCounts = new int[colocation.groupCount()];
    BitSet present = new BitSet();
    for (int i = 0; i < ids.length; i++) {
      if (colocation.room(ids[i], counts, groupCounts, present, null) < per[i]) {
        return false;
      }
      colocation.add(ids[i], per[i], counts, groupCounts, present);
    }
    return true;
  }
}
