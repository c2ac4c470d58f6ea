package io.flotilla.core.workload;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An HPA's {@code spec.behavior} (autoscaling/v2): per direction a stabilisation window, the
 * policies that bound how many replicas may be added or removed per period, and how the policies
 * combine. Kubernetes fills what a behavior leaves out with its defaults ({@link #defaultScaleUp},
 * {@link #defaultScaleDown}).
 */
public record ScalingBehavior(Rules scaleUp, Rules scaleDown) {
  /** How the policies' limits combine: the largest change, the smallest, or no change at all. */
  public enum Select {
    MAX,
    MIN,
    DISABLED
  }

  /** A policy's unit: replicas, or percent of the replicas at the start of the period. */
  public enum PolicyType {
    PODS,
    PERCENT
  }

  /** At most {@code value} replicas (or percent) of change within any {@code period}. */
  public record Policy(PolicyType type, int value, Duration period) {
    public Policy {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(period, "period");
      if (value < 1) {
        throw new IllegalArgumentException("a scaling policy's value must be at least 1: " + value);
      }
      if (period.isNegative() || period.isZero() || period.compareTo(MAX_PERIOD) > 0) {
        throw new IllegalArgumentException(
            "a scaling policy's period must be 1 s to 30 min: " + period);
      }
    }
  }

  /** One direction's rules. */
  public record Rules(Duration stabilization, Select select, List<Policy> policies) {
    public Rules {
      Objects.requireNonNull(stabilization, "stabilization");
      Objects.requireNonNull(select, "select");
      policies = List.copyOf(policies);
      if (stabilization.isNegative() || stabilization.compareTo(MAX_STABILIZATION) > 0) {
        throw new IllegalArgumentException(
            "a stabilization window must be 0 s to 1 h: " + stabilization);
      }
      if (policies.isEmpty() && select != Select.DISABLED) {
        throw new IllegalArgumentException("scaling rules need at least one policy");
      }
    }

    /** The longest policy period: scale events older than that no longer matter. */
    public Duration longestPeriod() {
      return policies.stream().map(Policy::period).max(Duration::compareTo).orElse(Duration.ZERO);
    }
  }

  /** The API server's bound on a policy's period (1800 s). */
  public static final Duration MAX_PERIOD = Duration.ofMinutes(30);

  /** The API server's bound on a stabilisation window (3600 s). */
  public static final Duration MAX_STABILIZATION = Duration.ofHours(1);

  /** Kubernetes' default policy period. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(15);

  public ScalingBehavior {
    Objects.requireNonNull(scaleUp, "scaleUp");
    Objects.requireNonNull(scaleDown, "scaleDown");
  }

  /** Kubernetes' scale-up default: no window; double or add 4 pods per 15 s, whichever is more. */
  public static Rules defaultScaleUp() {
    return new Rules(
        Duration.ZERO,
        Select.MAX,
        List.of(
            new Policy(PolicyType.PERCENT, 100, DEFAULT_PERIOD),
            new Policy(PolicyType.PODS, 4, DEFAULT_PERIOD)));
  }

  /** Kubernetes' scale-down default: a 300 s window; up to every pod per 15 s. */
  public static Rules defaultScaleDown() {
    return new Rules(
        Autoscaler.DEFAULT_STABILIZATION,
        Select.MAX,
        List.of(new Policy(PolicyType.PERCENT, 100, DEFAULT_PERIOD)));
  }
}
