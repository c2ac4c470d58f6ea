package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Karpenter keeps every instance type that still fits a node and launches the cheapest: after
 * packing, each batch moves to the cheapest shape of its tier that holds its pods.
 */
final class Downsizing {
  private Downsizing() {}

  static List<NodeBatch> apply(
      List<NodeBatch> batches,
      TierShapes tier,
      List<PodClass> classes,
      int dims,
      PoolBudget budget) {
    List<Shape> shapes = tier.shapes();
    List<NodeBatch> out = new ArrayList<>(batches.size());
    for (NodeBatch b : batches) {
      long[] used = b.used(classes, dims);
      int bestIndex = -1;
      double bestPrice = b.shape().price();
      for (int s = 0; s < shapes.size(); s++) {
        Shape candidate = shapes.get(s);
        if (candidate.price() >= bestPrice - 1e-12 || !Dimensions.fits(used, candidate.free())) {
          continue;
        }
        if (tier.admits(s, b.classIds())
            && budget.allowsSwap(List.of(b.shape()), b.nodes(), candidate)) {
          bestIndex = s;
          bestPrice = candidate.price();
        }
      }
      if (bestIndex >= 0) {
        budget.swap(List.of(b.shape()), b.nodes(), shapes.get(bestIndex));
        out.add(b.withShape(shapes.get(bestIndex)));
      } else {
        out.add(b);
      }
    }
    return out;
  }
}
