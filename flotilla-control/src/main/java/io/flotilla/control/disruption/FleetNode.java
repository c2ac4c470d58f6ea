package io.flotilla.control.disruption;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A node as voluntary disruption sees it: its pool, when it was launched, since when it has held no
 * pods but DaemonSet pods (empty when it holds some), whether a {@code karpenter.sh/do-not-
 * disrupt} annotation (on it or one of its pods) protects it, and whether it is being disrupted.
 */
public record FleetNode(
    String name,
    String pool,
    Instant launchedAt,
    Optional<Instant> emptySince,
    boolean doNotDisrupt,
    boolean disrupting) {
  public FleetNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(launchedAt, "launchedAt");
    Objects.requireNonNull(emptySince, "emptySince");
  }
}
