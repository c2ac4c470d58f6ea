package io.flotilla.kube.manifest;

/** Which replica count to plan for a workload an HPA scales. */
public enum ReplicaPolicy {
  /** The HPA's minReplicas (default 1). */
  MIN,
  /** The HPA's maxReplicas: the capacity the workload may grow to. */
  MAX,
  /** The workload's own replicas, clamped into the HPA's range as the HPA would. */
  CURRENT
}
