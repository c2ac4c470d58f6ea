package io.flotilla.control.interruption;

import io.flotilla.control.drain.ClusterPods;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import java.util.Objects;
import java.util.Optional;

/**
 * What the interruption handler reads about a warned node each time it looks: the warning, what was
 * done already (cordon, replacement, checkpoint), and the cluster's pods and budgets.
 */
public record WarnedNode(
    InterruptionWarning warning,
    boolean cordoned,
    boolean replacementRequested,
    Optional<CheckpointProgress> checkpoint,
    ClusterPods cluster) {
  public WarnedNode {
    Objects.requireNonNull(warning, "warning");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(cluster, "cluster");
  }

  String node() {
    return warning.nodeName();
  }
}
