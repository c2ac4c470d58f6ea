package io.flotilla.control.disruption;

import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What every simulation of one pass starts from: the cluster as the planner sees it (in-flight
 * NodeClaims as nodes, nominated pods on their targets), the nodes already on their way out (being
 * drained or warned, or disrupted earlier in the pass), whose pods need a home too, and the pools.
 */
record SimulationBase(
    PlanRequest cluster, Set<String> leaving, Map<String, NodePool> pools, Instant now) {
  SimulationBase {
    Objects.requireNonNull(cluster, "cluster");
    leaving = Set.copyOf(leaving);
    pools = Map.copyOf(pools);
    Objects.requireNonNull(now, "now");
  }
}
