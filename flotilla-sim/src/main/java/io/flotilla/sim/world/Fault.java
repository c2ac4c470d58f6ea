package io.flotilla.sim.world;

import java.time.Duration;
import java.util.Objects;

/**
 * The fault injector's action, as the reference's FIS experiment: at {@code at} after the start,
 * interrupt up to {@code nodes} running Spot nodes of NodePool {@code pool} with {@code notice}.
 */
public record Fault(Duration at, String pool, int nodes, Duration notice) {
  public Fault {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(notice, "notice");
    if (nodes < 1) {
      throw new IllegalArgumentException("a fault interrupts at least one node: " + nodes);
    }
  }
}
