package io.flotilla.control.interruption;

import io.flotilla.control.drain.ClusterPods;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import java.util.Objects;
import java.util.Optional;

/**
 * What the interruption handler reads about a warned node each time it looks: the warning, what was
 * done already (cordon, replacement, checkpoint), the cluster's pods and budgets, and whether the
 * nodes launched to replace it are ready (or none is awaited).
 */
public record WarnedNode(
    InterruptionWarning warning,
    boolean cordoned,
    boolean replacementRequested,
    Optional<CheckpointProgress> checkpoint,
    ClusterPods cluster,
    boolean replacementReady) {
  public WarnedNode {
    Objects.requireNonNull(warning, "warning");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(cluster, "cluster");
  }

  /** A warned node whose replacement capacity is not awaited (or is ready). */
  public WarnedNode(
      InterruptionWarning warning,
      boolean cordoned,
      boolean replacementRequested,
      Optional<CheckpointProgress> checkpoint,
      ClusterPods cluster) {
    this(warning, cordoned, replacementRequested, checkpoint, cluster, true);
  }

  String node() {
    return warning.nodeName();
  }
}
