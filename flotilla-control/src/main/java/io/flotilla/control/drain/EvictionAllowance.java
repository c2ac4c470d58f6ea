package io.flotilla.control.drain;

import io.flotilla.core.pod.Pod;

/**
 * How many more pods each PodDisruptionBudget lets go now, as the disruption controller counts:
 * covered pods bound and not being evicted are healthy. Taking an eviction uses one disruption of
 * every budget covering the pod. Starts from the counts its view worked out (once per view), so a
 * new allowance per drained node costs the number of budgets, not a scan of every pod.
 */
public final class EvictionAllowance {
  private final ClusterPods.Coverage coverage;
  private final int[] left;

  public EvictionAllowance(ClusterPods cluster) {
    this.coverage = cluster.coverage();
    this.left = coverage.allowed.clone();
  }

  /** Whether every budget covering the pod allows one more disruption now. */
  public boolean allows(Pod pod) {
    for (int b : coverage.covering(pod)) {
      if (left[coverage.slotOf[b]] <= 0) {
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
    for (int b : coverage.covering(pod)) {
      left[coverage.slotOf[b]]--;
    }
    return true;
  }
}
