package io.flotilla.control.disruption;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which simulations found nothing, so a pass does not repeat them while nothing that could change
 * the answer has changed: a node is simulated again when its own pods changed, when a node joined
 * (room that was not there; a node leaving only takes room away), or once {@code retryAfter} has
 * passed and something in the cluster changed. The planner call is what consolidation costs; in a
 * quiet cluster nothing is simulated twice.
 */
final class Attempts {
  private final Duration retryAfter;
  private final Map<String, Instant> failedAt = new HashMap<>();
  private Instant multiFailedAt;
  private Instant multiTriedAt;
  private Set<String> nodes = Set.of();
  private Instant nodeJoinedAt = Instant.MIN;
  private Instant clusterChangedAt = Instant.MIN;

  Attempts(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  /** The nodes now, and when pods or nodes last changed anywhere in the cluster. */
  void observe(Set<String> nodeNames, Instant clusterChangedAt, Instant now) {
    if (!nodes.containsAll(nodeNames)) {
      nodeJoinedAt = now;
    }
    if (!nodeNames.equals(nodes)) {
      nodes = Set.copyOf(nodeNames);
    }
    failedAt.keySet().retainAll(nodeNames);
    this.clusterChangedAt = clusterChangedAt;
  }

  boolean worthTrying(FleetNode node, Instant now) {
    Instant failed = failedAt.get(node.name());
    return failed == null || node.podsChangedAt().isAfter(failed) || stale(failed, now);
  }

  /**
   * The multi-node search runs at most once per {@code interval}; after one that found nothing, not
   * for pod changes alone (single-node attempts follow those) but when a node joined, or after
   * {@code retryAfter} with the cluster changed.
   */
  boolean multiWorthTrying(Instant now, Duration interval) {
    if (multiTriedAt != null && now.isBefore(multiTriedAt.plus(interval))) {
      return false;
    }
    return multiFailedAt == null || stale(multiFailedAt, now);
  }

  void multiTried(Instant now) {
    multiTriedAt = now;
  }

  void failed(String node, Instant now) {
    failedAt.put(node, now);
  }

  void multiFailed(Instant now) {
    multiFailedAt = now;
  }

  private boolean stale(Instant failed, Instant now) {
    return nodeJoinedAt.isAfter(failed)
        || (clusterChangedAt.isAfter(failed) && !now.isBefore(failed.plus(retryAfter)));
  }
}
