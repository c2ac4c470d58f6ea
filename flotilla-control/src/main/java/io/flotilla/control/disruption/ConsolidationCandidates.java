package io.flotilla.control.disruption;

import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes consolidation may act on, cheapest to disrupt first, as Karpenter v1 chooses them: in a
 * pool whose policy is WhenEmptyOrUnderutilized, unchanged (no pod bound to or gone from it) for
 * the pool's {@code consolidateAfter}, not being disrupted or warned, without a pod annotated
 * do-not-disrupt, without pods nominated to it, and with every pod one its PodDisruptionBudgets let
 * go now. The disruption cost is Karpenter's: one per pod, times the share of the node's lifetime
 * left before {@code expireAfter}.
 */
final class ConsolidationCandidates {
  private ConsolidationCandidates() {}

  static List<FleetNode> of(
      List<FleetNode> fleet, Map<String, NodePool> pools, Set<String> excluded, Instant now) {
    return fleet.stream()
        .filter(n -> !excluded.contains(n.name()) && eligible(n, pools.get(n.pool()), now))
        .sorted(
            Comparator.comparingDouble((FleetNode n) -> cost(n, pools.get(n.pool()), now))
                .thenComparing(FleetNode::name))
        .toList();
  }

  private static boolean eligible(FleetNode n, NodePool pool, Instant now) {
    if (pool == null || n.disrupting() || n.doNotDisrupt() || n.nominated() || !n.podsEvictable()) {
      return false;
    }
    Disruption d = pool.disruption();
    return d.consolidationPolicy() == Disruption.ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED
        && d.consolidateAfter() != null
        && !now.isBefore(n.podsChangedAt().plus(d.consolidateAfter()));
  }

  static double cost(FleetNode n, NodePool pool, Instant now) {
    Duration expireAfter = pool.disruption().expireAfter();
    double left = 1;
    if (expireAfter != null && !expireAfter.isZero()) {
      double age = Duration.between(n.launchedAt(), now).toMillis();
      left = Math.max(0, Math.min(1, 1 - age / expireAfter.toMillis()));
    }
    return n.pods().size() * left;
  }
}
