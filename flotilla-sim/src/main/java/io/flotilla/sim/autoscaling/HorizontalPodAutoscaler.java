package io.flotilla.sim.autoscaling;

import io.flotilla.core.workload.Autoscaler;
import io.flotilla.sim.cluster.PodCounts;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * One HPA's decisions over time, as Kubernetes' controller makes them. Without a {@code behavior}
 * section: the replica calculator's recommendation, scale-down only to the highest recommendation
 * of the last stabilisation window (scale-up at once), at most {@code max(2 x current, 4)} replicas
 * per step, within min..max. With one: its windows and policies ({@link BehaviorRate}). A target
 * scaled to 0 is left alone; a target outside min..max is brought to the nearer bound.
 */
public final class HorizontalPodAutoscaler {
  private record Recommendation(Instant at, int replicas) {}

  private final Autoscaler spec;
  private final Deque<Recommendation> recent = new ArrayDeque<>();
  private final BehaviorRate behavior;

  public HorizontalPodAutoscaler(Autoscaler spec) {
    this.spec = spec;
    this.behavior = spec.behavior().map(BehaviorRate::new).orElse(null);
  }

  public Autoscaler spec() {
    return spec;
  }

  /**
   * The replicas to scale the target to now, or none to leave it as it is.
   *
   * @param current the target's replicas (its spec)
   * @param pods its running and pending pods
   * @param usageCores the CPU its running pods use together
   * @param requestMillis each pod's CPU request
   */
  public OptionalInt decide(
      int current, PodCounts pods, double usageCores, long requestMillis, Instant now) {
    int desired;
    if (current == 0 && spec.minReplicas() != 0) {
      return OptionalInt.empty();
    } else if (current > spec.maxReplicas()) {
      desired = spec.maxReplicas();
    } else if (current < spec.minReplicas()) {
      desired = spec.minReplicas();
    } else {
      OptionalInt metric =
          ReplicaCalculator.desired(
              current,
              pods.running(),
              pods.pending(),
              usageCores,
              requestMillis,
              spec.targetCpuUtilization(),
              ReplicaCalculator.TOLERANCE);
      if (metric.isEmpty()) {
        return OptionalInt.empty();
      }
      if (behavior != null) {
        desired =
            behavior.normalize(
                current, metric.getAsInt(), spec.minReplicas(), spec.maxReplicas(), now);
      } else {
        int stabilized = stabilize(metric.getAsInt(), now);
        int upLimit = Math.max(2 * current, 4);
        desired =
            Math.max(
                spec.minReplicas(), Math.min(stabilized, Math.min(spec.maxReplicas(), upLimit)));
      }
    }
    if (desired == current) {
      return OptionalInt.empty();
    }
    if (behavior != null) {
      behavior.scaled(current, desired, now);
    }
    return OptionalInt.of(desired);
  }

  /** The highest recommendation within the window (this one included), which is remembered. */
  private int stabilize(int recommendation, Instant now) {
    Instant cutoff = now.minus(spec.scaleDownStabilization());
    while (!recent.isEmpty() && recent.peekFirst().at().isBefore(cutoff)) {
      recent.removeFirst();
    }
    int highest = recommendation;
    for (Recommendation r : recent) {
      highest = Math.max(highest, r.replicas());
    }
    recent.addLast(new Recommendation(now, recommendation));
    return highest;
  }
}
