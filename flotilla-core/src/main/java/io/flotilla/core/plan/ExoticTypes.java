package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Karpenter's exotic filter (AWS provider): GPU, Neuron, AMD GPU, Gaudi and metal types are dropped
 * from a NodeClaim whenever a generic type also fits its pods. A class needs the exotic types of a
 * pool only when no generic type of that pool its requirements admit holds one of its pods.
 */
final class ExoticTypes {
  private final Candidates candidates;
  private final ShapeFactory factory;
  private final Map<List<Object>, Boolean> memo = new HashMap<>();
  // The same class object is asked about once per exotic shape: answer it without building the
  // content key again.
  private final Map<NodePool, Map<PodClass, Boolean>> byClass = new IdentityHashMap<>();

  ExoticTypes(Candidates candidates, ShapeFactory factory) {
    this.candidates = candidates;
    this.factory = factory;
  }

  boolean needed(PodClass c, NodePool pool) {
    return byClass
        .computeIfAbsent(pool, p -> new IdentityHashMap<>())
        .computeIfAbsent(c, k -> neededByContent(c, pool));
  }

  private boolean neededByContent(PodClass c, NodePool pool) {
    List<Object> key =
        List.of(
            c.terms(),
            c.template().tolerations(),
            c.template().architectures(),
            c.domain(),
            c.template().hostPorts(),
            pool.name(),
            java.util.Arrays.toString(c.request()));
    return memo.computeIfAbsent(key, k -> !genericFits(c, pool));
  }

  private boolean genericFits(PodClass c, NodePool pool) {
    for (Candidates.Allowed a : candidates.of(c)) {
      TypeGroup g = a.group();
      if (g.pool() != pool || g.type().exotic()) {
        continue;
      }
      int first = Long.numberOfTrailingZeros(a.mask());
      if (Dimensions.fits(c.request(), factory.shape(g, g.offerings().get(first)).free())) {
        return true;
      }
    }
    return false;
  }
}
