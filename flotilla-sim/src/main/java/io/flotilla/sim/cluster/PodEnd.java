package io.flotilla.sim.cluster;

/** Why a pod ended. */
public enum PodEnd {
  /** Through the eviction API (a drain), after its grace period. */
  EVICTED,
  /** Its node went away with it still there. */
  LOST_WITH_NODE,
  /** Its controller deleted it (scaled down). */
  DELETED,
  /** It ran to completion (a Job's pod). */
  COMPLETED
}
