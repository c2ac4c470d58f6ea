package io.flotilla.control.manager;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * When each node's pods last changed (a pod bound to it, gone from it or being evicted), and when
 * anything did, nodes joining or leaving included: consolidation waits for {@code consolidateAfter}
 * of quiet on a node, and simulates again only after a change. Looked at on each disruption pass
 * (every 10 s), so a change counts from the pass that saw it. A node's pods are remembered as an
 * order-free fingerprint of their ids, not as a list.
 */
final class PodChanges {
  private final Map<String, Long> fingerprints = new HashMap<>();
  private final Map<String, Instant> changedAt = new HashMap<>();
  private Set<String> nodes = Set.of();
  private Instant clusterChangedAt = Instant.MIN;

  void observe(Set<String> nodeNames, Collection<Pod> pods, Set<PodId> terminating, Instant now) {
    Map<String, Long> current = new HashMap<>();
    for (Pod p : pods) {
      if (p.bound() && !terminating.contains(p.id()) && nodeNames.contains(p.nodeName())) {
        current.merge(p.nodeName(), mix(p.id().hashCode()), Long::sum);
      }
    }
    for (String node : nodeNames) {
      long fingerprint = current.getOrDefault(node, 0L);
      Long before = fingerprints.put(node, fingerprint);
      if (before == null || before != fingerprint) {
        changedAt.put(node, now);
        clusterChangedAt = now;
      }
    }
    fingerprints.keySet().retainAll(nodeNames);
    changedAt.keySet().retainAll(nodeNames);
    if (!nodeNames.equals(nodes)) {
      nodes = Set.copyOf(nodeNames);
      clusterChangedAt = now;
    }
  }

  /** When the node's pods last changed (when it joined, if they never did). */
  Instant changedAt(String node, Instant now) {
    return changedAt.getOrDefault(node, now);
  }

  Instant clusterChangedAt() {
    return clusterChangedAt;
  }

  /** SplitMix64's finaliser: spreads a 32-bit hash over 64 bits so sums rarely collide. */
  private static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
