package io.flotilla.control.disruption;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import io.flotilla.ports.cloud.OfferingKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node as voluntary disruption sees it: its pool, when it was launched, since when it has held no
 * pods but DaemonSet pods (empty when it holds some), whether a {@code karpenter.sh/do-not-
 * disrupt} annotation (on it or one of its pods) protects it, and whether it is being disrupted
 * (drained, or warned of its end).
 *
 * <p>For consolidation and scale-down also: its offering and hourly price (instance and volumes;
 * null when the catalog does not sell it), the pods a drain would move (no DaemonSet pods, none
 * being evicted), its allocatable room and the CPU and memory every pod bound to it requests
 * (DaemonSet pods included, those being evicted not), when its pods last changed, whether the
 * PodDisruptionBudgets let each of its pods go now, and whether pods are nominated to it.
 */
public record FleetNode(
    String name,
    String pool,
    Instant launchedAt,
    Optional<Instant> emptySince,
    boolean doNotDisrupt,
    boolean disrupting,
    OfferingKey offering,
    Double pricePerHour,
    List<Pod> pods,
    Resources allocatable,
    Resources requested,
    Instant podsChangedAt,
    boolean podsEvictable,
    boolean nominated) {
  public FleetNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(launchedAt, "launchedAt");
    Objects.requireNonNull(emptySince, "emptySince");
    pods = List.copyOf(pods);
    Objects.requireNonNull(allocatable, "allocatable");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(podsChangedAt, "podsChangedAt");
  }

  /** A node known only by what emptiness and expiry need. */
  public FleetNode(
      String name,
      String pool,
      Instant launchedAt,
      Optional<Instant> emptySince,
      boolean doNotDisrupt,
      boolean disrupting) {
    this(
        name,
        pool,
        launchedAt,
        emptySince,
        doNotDisrupt,
        disrupting,
        null,
        null,
        List.of(),
        Resources.NONE,
        Resources.NONE,
        launchedAt,
        true,
        false);
  }

  public boolean spot() {
    return offering != null && offering.capacityType() == CapacityType.SPOT;
  }

  /** Whether it carries pods a drain would move. */
  public boolean empty() {
    return pods.isEmpty();
  }
}
