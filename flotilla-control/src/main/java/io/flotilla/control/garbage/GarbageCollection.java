package io.flotilla.control.garbage;

import java.time.Duration;
import java.util.Objects;

/**
 * How often garbage collection lists the cloud's instances and how old an instance or NodeClaim
 * must be before it is collected (Karpenter: every 2 minutes; an instance with no NodeClaim after
 * 30 s, a NodeClaim whose instance is gone after 10 s).
 */
public record GarbageCollection(Duration interval, Duration instanceGrace, Duration claimGrace) {
  public static final GarbageCollection KARPENTER =
      new GarbageCollection(Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(10));

  public GarbageCollection {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(instanceGrace, "instanceGrace");
    Objects.requireNonNull(claimGrace, "claimGrace");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("garbage collection interval must be positive");
    }
    if (instanceGrace.isNegative() || claimGrace.isNegative()) {
      throw new IllegalArgumentException("garbage collection graces must not be negative");
    }
  }
}
