package io.flotilla.control.provisioning;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import java.util.List;
import java.util.Objects;

/**
 * What provisioning reads: the pods (pending ones have no node; pods nominated to an in-flight
 * NodeClaim carry its name as their node), the nodes (ready ones and in-flight NodeClaims), the
 * pools, the DaemonSets, the catalog and the planner's options.
 */
public record ProvisioningSnapshot(
    List<Pod> pods,
    List<Node> nodes,
    List<NodePool> pools,
    List<DaemonSet> daemonSets,
    Catalog catalog,
    PlanOptions options) {
  public ProvisioningSnapshot {
    pods = List.copyOf(pods);
    nodes = List.copyOf(nodes);
    pools = List.copyOf(pools);
    daemonSets = List.copyOf(daemonSets);
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(options, "options");
  }

  /** The pods waiting for a node: neither bound nor nominated. */
  public List<Pod> pending() {
    return pods.stream().filter(p -> !p.bound()).toList();
  }
}
