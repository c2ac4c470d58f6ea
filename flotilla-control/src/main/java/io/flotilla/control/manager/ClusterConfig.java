package io.flotilla.control.manager;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.taint.Taint;
import java.util.List;
import java.util.Objects;

/** What the loops plan with besides the cluster's state: the NodePools, catalog and options. */
public record ClusterConfig(List<NodePool> pools, Catalog catalog, PlanOptions options) {
  public ClusterConfig {
    pools = List.copyOf(pools);
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(options, "options");
  }

  /** The taints a node of {@code pool} carries (none for an unknown pool). */
  public List<Taint> taintsOf(String pool) {
    for (NodePool p : pools) {
      if (p.name().equals(pool)) {
        return p.taints();
      }
    }
    return List.of();
  }
}
