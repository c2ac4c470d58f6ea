package io.flotilla.core.workload;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A HorizontalPodAutoscaler on CPU utilisation: it keeps the pods of {@code targetOwner} (the owner
 * string the target's pods carry, {@code Kind/name}, e.g. {@code Deployment/web}) between {@code
 * minReplicas} and {@code maxReplicas} at {@code targetCpuUtilization} percent of their CPU
 * requests (Kubernetes' default when no metric is given: 80), scaling down only to the highest
 * recommendation of the last {@code scaleDownStabilization} (default 300 s). With a {@code
 * behavior} the HPA follows its rules instead (its scale-down window is then {@code
 * scaleDownStabilization} too); without one, Kubernetes' controller limits a scale-up to {@code
 * max(2 x current, 4)} replicas.
 */
public record Autoscaler(
    String namespace,
    String name,
    String targetOwner,
    int minReplicas,
    int maxReplicas,
    int targetCpuUtilization,
    Duration scaleDownStabilization,
    Optional<ScalingBehavior> behavior) {
  /** Kubernetes' target when an HPA names no metric. */
  public static final int DEFAULT_CPU_UTILIZATION = 80;

  /** Kubernetes' default scale-down stabilisation window. */
  public static final Duration DEFAULT_STABILIZATION = Duration.ofSeconds(300);

  public Autoscaler {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(targetOwner, "targetOwner");
    Objects.requireNonNull(scaleDownStabilization, "scaleDownStabilization");
    Objects.requireNonNull(behavior, "behavior");
    if (behavior.isPresent()
        && !behavior.get().scaleDown().stabilization().equals(scaleDownStabilization)) {
      throw new IllegalArgumentException(
          name + ": the scale-down window is the behavior's: " + behavior.get().scaleDown());
    }
    if (minReplicas < 0 || maxReplicas < Math.max(1, minReplicas)) {
      throw new IllegalArgumentException(
          name
              + ": replicas must satisfy 0 <= min <= max, max >= 1: "
              + minReplicas
              + ".."
              + maxReplicas);
    }
    if (targetCpuUtilization < 1) {
      throw new IllegalArgumentException(name + ": target utilisation must be at least 1%");
    }
  }

  /** An HPA without a {@code behavior}. */
  public Autoscaler(
      String namespace,
      String name,
      String targetOwner,
      int minReplicas,
      int maxReplicas,
      int targetCpuUtilization,
      Duration scaleDownStabilization) {
    this(
        namespace,
        name,
        targetOwner,
        minReplicas,
        maxReplicas,
        targetCpuUtilization,
        scaleDownStabilization,
        Optional.empty());
  }

  /** The same HPA with a {@code behavior} (its scale-down window replaces the one set). */
  public Autoscaler withBehavior(ScalingBehavior rules) {
    return new Autoscaler(
        namespace,
        name,
        targetOwner,
        minReplicas,
        maxReplicas,
        targetCpuUtilization,
        rules.scaleDown().stabilization(),
        Optional.of(rules));
  }
}
