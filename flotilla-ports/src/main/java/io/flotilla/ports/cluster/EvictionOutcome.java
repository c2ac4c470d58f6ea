package io.flotilla.ports.cluster;

/** What the eviction API answered for one pod. */
public enum EvictionOutcome {
  /** The pod is terminating (within its grace period); its controller replaces it. */
  EVICTED,
  /** A PodDisruptionBudget allows no disruption now (HTTP 429): try again later. */
  BLOCKED_BY_BUDGET,
  /** No such pod (already gone). */
  NOT_FOUND
}
