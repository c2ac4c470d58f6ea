package io.flotilla.core.plan;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import java.util.List;
import java.util.Objects;

/**
 * Everything the planner decides from: pods (pending ones, and bound ones that occupy existing
 * nodes), existing nodes, node pools, DaemonSets, the catalog of offerings and the user's options.
 */
public record PlanRequest(
    List<Pod> pods,
    List<Node> nodes,
    List<NodePool> pools,
    List<DaemonSet> daemonSets,
    Catalog catalog,
    PlanOptions options) {

  public PlanRequest {
    pods = List.copyOf(pods);
    nodes = List.copyOf(nodes);
    pools = List.copyOf(pools);
    daemonSets = List.copyOf(daemonSets);
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(options, "options");
  }

  /** A request with the default options. */
  public PlanRequest(
      List<Pod> pods,
      List<Node> nodes,
      List<NodePool> pools,
      List<DaemonSet> daemonSets,
      Catalog catalog) {
    this(pods, nodes, pools, daemonSets, catalog, PlanOptions.DEFAULTS);
  }

  public List<Pod> pendingPods() {
    return pods.stream().filter(p -> !p.bound()).toList();
  }

  public PlanRequest withPods(List<Pod> newPods) {
    return new PlanRequest(newPods, nodes, pools, daemonSets, catalog, options);
  }

  /** The same request against another catalog (offerings left out, prices changed). */
  public PlanRequest withCatalog(Catalog newCatalog) {
    return new PlanRequest(pods, nodes, pools, daemonSets, newCatalog, options);
  }

  public PlanRequest withOptions(PlanOptions newOptions) {
    return new PlanRequest(pods, nodes, pools, daemonSets, catalog, newOptions);
  }
}
