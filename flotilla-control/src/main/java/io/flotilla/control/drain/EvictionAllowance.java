package io.flotilla.control.drain;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.workload.DisruptionBudget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many more pods each PodDisruptionBudget lets go now, as the disruption controller counts:
 * covered pods bound and not being evicted are healthy. Taking an eviction uses one disruption of
 * every budget covering the pod.
 */
public final class EvictionAllowance {
  private final List<DisruptionBudget> budgets;
  private final Map<DisruptionBudget, Integer> left = new HashMap<>();

  public EvictionAllowance(ClusterPods cluster) {
    this.budgets = cluster.budgets();
    for (DisruptionBudget b : budgets) {
      List<Pod> covered = cluster.pods().stream().filter(b::covers).toList();
      int healthy =
          (int)
              covered.stream()
                  .filter(p -> p.bound() && !cluster.terminating().contains(p.id()))
                  .count();
      left.put(b, b.disruptionsAllowed(covered, healthy));
    }
  }

  /** Whether every budget covering the pod allows one more disruption now. */
  public boolean allows(Pod pod) {
    for (DisruptionBudget b : budgets) {
      if (b.covers(pod) && left.get(b) <= 0) {
        return false;
      }
    }
    return true;
  }

  /** Takes one disruption of each budget covering the pod, if all allow it; says whether it did. */
  public boolean take(Pod pod) {
    if (!allows(pod)) {
      return false;
    }
    for (DisruptionBudget b : budgets) {
      if (b.covers(pod)) {
        left.merge(b, -1, Integer::sum);
      }
    }
    return true;
  }
}
