package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workload's replicas already on Spot capacity, per capacity pool (instance type x zone), which
 * {@link SpotDiversification} counts toward its share and never moves.
 */
final class ExistingSpotReplicas {
  private ExistingSpotReplicas() {}

  /**
   * Replicas per owner on existing Spot nodes, per capacity pool: those bound there and those this
   * plan puts there ({@code onExisting}: class id to node to count).
   */
  static Map<String, Map<String, Long>> of(
      List<ExistingNode> nodes,
      Map<Integer, Map<ExistingNode, Long>> onExisting,
      List<PodClass> classes) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (ExistingNode n : nodes) {
      String pool = spotPool(n);
      if (pool != null) {
        for (Pod p : n.bound) {
          out.computeIfAbsent(p.owner(), k -> new HashMap<>()).merge(pool, 1L, Long::sum);
        }
      }
    }
    onExisting.forEach(
        (classId, byNode) ->
            byNode.forEach(
                (n, count) -> {
                  String pool = spotPool(n);
                  if (pool != null && count > 0) {
                    out.computeIfAbsent(
                            classes.get(classId).template().owner(), k -> new HashMap<>())
                        .merge(pool, count, Long::sum);
                  }
                }));
    return out;
  }

  /** The capacity pool of an existing Spot node, or null for another capacity type. */
  private static String spotPool(ExistingNode n) {
    Map<String, String> labels = n.node.labels();
    boolean spot =
        CapacityType.SPOT.label().equals(labels.get(WellKnownLabels.CAPACITY_TYPE))
            || "SPOT".equalsIgnoreCase(labels.get(WellKnownLabels.EKS_CAPACITY_TYPE));
    if (!spot) {
      return null;
    }
    return labels.get(WellKnownLabels.INSTANCE_TYPE) + "/" + labels.get(WellKnownLabels.ZONE);
  }
}
