package io.flotilla.control.disruption;

import io.flotilla.core.nodepool.NodePool;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pools' disruption budgets over one pass, the one place they are counted: how many more of a
 * pool's nodes may start being disrupted for a reason (Karpenter's Empty, Underutilized, ...),
 * given the nodes already being disrupted and those this pass has disrupted so far.
 */
public final class PoolBudgets {
  private final Map<String, NodePool> pools = new LinkedHashMap<>();
  private final Map<String, Integer> nodes = new HashMap<>();
  private final Map<String, Integer> disrupting = new HashMap<>();
  private final Instant now;

  /** {@code alsoDisrupting}: nodes the fleet does not mark yet (replacements being launched). */
  public PoolBudgets(
      List<FleetNode> fleet, List<NodePool> pools, Set<String> alsoDisrupting, Instant now) {
    this.now = now;
    pools.forEach(p -> this.pools.put(p.name(), p));
    for (FleetNode n : fleet) {
      nodes.merge(n.pool(), 1, Integer::sum);
      if (n.disrupting() || alsoDisrupting.contains(n.name())) {
        disrupting.merge(n.pool(), 1, Integer::sum);
      }
    }
  }

  /** How many more nodes of {@code pool} may start being disrupted for {@code reason}. */
  public int allowed(String pool, String reason) {
    NodePool p = pools.get(pool);
    if (p == null) {
      return 0;
    }
    return p.disruption()
        .disruptionsAllowed(
            nodes.getOrDefault(pool, 0), disrupting.getOrDefault(pool, 0), now, reason);
  }

  /** Counts one more node of {@code pool} as being disrupted. */
  public void take(String pool) {
    disrupting.merge(pool, 1, Integer::sum);
  }
}
