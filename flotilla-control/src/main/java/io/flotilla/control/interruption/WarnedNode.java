package io.flotilla.control.interruption;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the interruption handler reads about a warned node each time it looks: the warning, what was
 * done already (cordon, replacement, checkpoint), the cluster's pods (bound ones carry their node;
 * {@code terminating} are being evicted) and the disruption budgets.
 */
public record WarnedNode(
    InterruptionWarning warning,
    boolean cordoned,
    boolean replacementRequested,
    Optional<CheckpointProgress> checkpoint,
    List<Pod> pods,
    Set<PodId> terminating,
    List<DisruptionBudget> budgets) {
  public WarnedNode {
    Objects.requireNonNull(warning, "warning");
    Objects.requireNonNull(checkpoint, "checkpoint");
    pods = List.copyOf(pods);
    terminating = Set.copyOf(terminating);
    budgets = List.copyOf(budgets);
  }

  String node() {
    return warning.nodeName();
  }

  /** The node's pods a drain evicts: all but DaemonSet pods, which stay until the node goes. */
  List<Pod> evictable() {
    return pods.stream()
        .filter(p -> node().equals(p.nodeName()) && !p.owner().startsWith("DaemonSet/"))
        .toList();
  }
}
