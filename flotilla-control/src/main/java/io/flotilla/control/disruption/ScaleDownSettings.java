package io.flotilla.control.disruption;

import java.time.Duration;
import java.util.Objects;

/**
 * Cluster Autoscaler's scale-down, with its defaults: a node is unneeded while the larger of its
 * requested CPU and memory shares of allocatable is below {@code utilizationThreshold}
 * (--scale-down-utilization-threshold 0.5); it is removed once unneeded for {@code unneededTime}
 * (--scale-down-unneeded-time 10m), not within {@code delayAfterAdd} of a scale-up
 * (--scale-down-delay-after-add 10m); at most {@code maxEmptyBulkDelete} empty nodes
 * (--max-empty-bulk-delete 10) and one non-empty node at a time.
 */
public record ScaleDownSettings(
    double utilizationThreshold,
    Duration unneededTime,
    Duration delayAfterAdd,
    int maxEmptyBulkDelete) {
  public static final ScaleDownSettings CLUSTER_AUTOSCALER =
      new ScaleDownSettings(0.5, Duration.ofMinutes(10), Duration.ofMinutes(10), 10);

  public ScaleDownSettings {
    Objects.requireNonNull(unneededTime, "unneededTime");
    Objects.requireNonNull(delayAfterAdd, "delayAfterAdd");
    if (!(utilizationThreshold > 0 && utilizationThreshold <= 1)) {
      throw new IllegalArgumentException(
          "utilization threshold must be in (0, 1]: " + utilizationThreshold);
    }
    if (unneededTime.isNegative() || delayAfterAdd.isNegative()) {
      throw new IllegalArgumentException("scale-down durations must not be negative");
    }
    if (maxEmptyBulkDelete < 1) {
      throw new IllegalArgumentException("max empty bulk delete must be at least 1");
    }
  }
}
