package io.flotilla.sim.world;

import java.time.Duration;
import java.util.Objects;

/**
 * A scheduled change of a workload's replicas, as an operator or a pipeline would make it: at
 * {@code at} after the start, the workload whose pods carry {@code owner} ({@code Kind/name}) is
 * set to {@code replicas}.
 */
public record ScaleStep(Duration at, String owner, int replicas) {
  public ScaleStep {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(owner, "owner");
    if (replicas < 0) {
      throw new IllegalArgumentException(owner + ": negative replicas " + replicas);
    }
  }
}
