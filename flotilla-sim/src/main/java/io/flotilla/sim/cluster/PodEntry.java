package io.flotilla.sim.cluster;

import io.flotilla.core.pod.Pod;
import java.time.Instant;

/** One pod and what the simulated cluster keeps about it. */
final class PodEntry {
  Pod pod;
  final WorkloadController owner;
  final int[] budgets;
  final long sequence;
  Instant boundAt;
  boolean terminating;

  PodEntry(Pod pod, WorkloadController owner, int[] budgets, long sequence) {
    this.pod = pod;
    this.owner = owner;
    this.budgets = budgets;
    this.sequence = sequence;
  }

  /**
   * Adds (1) or takes away (-1) the pod from its workload's running or pending count; returns the
   * change to the cluster's pending pods. A terminating pod counts nowhere.
   */
  int count(int delta) {
    if (terminating) {
      return 0;
    }
    if (pod.bound()) {
      if (owner != null) {
        owner.running += delta;
      }
      return 0;
    }
    if (owner != null) {
      owner.pending += delta;
    }
    return delta;
  }
}
