package io.flotilla.control.interruption;

import io.flotilla.core.pod.LabelSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How interruptions are handled: whether stateful jobs checkpoint before their TaskManagers are
 * evicted, whether a rebalance recommendation is acted on (Karpenter ignores it) or only a warning,
 * how long the drain itself needs after the checkpoint, which pods are TaskManagers, and whether
 * the drain waits for the replacement capacity to be ready (Flotilla) or starts at once (Karpenter,
 * the termination handler).
 */
public record InterruptionSettings(
    boolean checkpointOnWarning,
    boolean actOnRebalance,
    Duration drainReserve,
    LabelSelector taskManagers,
    boolean awaitReplacement) {
  /**
   * Flink's native Kubernetes integration labels TaskManager pods {@code component: taskmanager}.
   */
  public static final LabelSelector FLINK_TASK_MANAGERS =
      new LabelSelector(Map.of("component", "taskmanager"), List.of());

  /** Flotilla's defaults: checkpoint on warning, act on rebalance, 30 s (a pod's default grace). */
  public static final InterruptionSettings FLOTILLA =
      new InterruptionSettings(true, true, Duration.ofSeconds(30), FLINK_TASK_MANAGERS, true);

  /** Karpenter and the termination handler as documented: no checkpoint, rebalance ignored. */
  public static final InterruptionSettings KARPENTER =
      new InterruptionSettings(false, false, Duration.ofSeconds(30), FLINK_TASK_MANAGERS, false);

  /**
   * The AWS Node Termination Handler in queue mode, as Cluster Autoscaler clusters run it: cordon
   * and drain on every kind of notice, rebalance recommendations included; no checkpoint.
   */
  public static final InterruptionSettings NODE_TERMINATION_HANDLER =
      new InterruptionSettings(false, true, Duration.ofSeconds(30), FLINK_TASK_MANAGERS, false);

  /** Settings that drain at once, without waiting for the replacement. */
  public InterruptionSettings(
      boolean checkpointOnWarning,
      boolean actOnRebalance,
      Duration drainReserve,
      LabelSelector taskManagers) {
    this(checkpointOnWarning, actOnRebalance, drainReserve, taskManagers, false);
  }

  /**
   * The latest a drain may start when it waits for the replacement: time for the checkpoint and
   * then for the drain itself, a drain reserve each, before the node goes.
   */
  public Instant latestDrainStart(Instant nodeGoneAt) {
    return nodeGoneAt.minus(drainReserve.multipliedBy(2));
  }

  public InterruptionSettings {
    Objects.requireNonNull(drainReserve, "drainReserve");
    Objects.requireNonNull(taskManagers, "taskManagers");
    if (drainReserve.isNegative()) {
      throw new IllegalArgumentException("drain reserve must not be negative: " + drainReserve);
    }
  }
}
