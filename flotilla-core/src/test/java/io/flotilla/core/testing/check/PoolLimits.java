package io.flotilla.core.testing.check;

import io.flotilla.core.nodepool.NodePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pool that launches nodes keeps the capacity of all its nodes, existing (by the labels naming
 * pools and node groups) and new, within its limits per limited resource, and their number within
 * maxNodes. A pool the plan launches nothing in is not the plan's doing.
 */
final class PoolLimits {
  private final Cluster cluster;
  private final Launchable launchable;

  PoolLimits(Cluster cluster, Launchable launchable) {
    this.cluster = cluster;
    this.launchable = launchable;
  }

  List<String> check() {
    List<String> out = new ArrayList<>();
    for (NodePool pool : cluster.pools.values()) {
      boolean launches = cluster.newNodes().stream().anyMatch(n -> n.pool == pool);
      if (!launches) {
        continue;
      }
      Map<String, Long> used = launchable.usedCapacity(pool);
      pool.limits()
          .asMap()
          .forEach(
              (name, limit) -> {
                long total = used.getOrDefault(name, 0L);
                if (total > limit) {
                  out.add(
                      "pool "
                          + pool.name()
                          + " holds "
                          + total
                          + " "
                          + name
                          + " of capacity, over its limit "
                          + limit);
                }
              });
      int count = launchable.nodeCount(pool);
      if (pool.maxNodes() != null && count > pool.maxNodes()) {
        out.add(
            "pool "
                + pool.name()
                + " has "
                + count
                + " nodes, over its maximum "
                + pool.maxNodes());
      }
    }
    return out;
  }
}
