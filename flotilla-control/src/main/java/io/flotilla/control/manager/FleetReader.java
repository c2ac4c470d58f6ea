package io.flotilla.control.manager;

import io.flotilla.control.disruption.FleetNode;
import io.flotilla.control.drain.ClusterPods;
import io.flotilla.control.drain.EvictionAllowance;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fleet as voluntary disruption sees it: each joined NodeClaim with its pods, price, what keeps
 * it from being disrupted, and since when it has been empty (remembered in the control state).
 */
final class FleetReader {
  private final ClusterConfig config;
  private final ControlState state;
  private final Map<String, NodePool> pools = new HashMap<>();

  FleetReader(ClusterConfig config, ControlState state) {
    this.config = config;
    this.state = state;
    config.pools().forEach(p -> pools.put(p.name(), p));
  }

  /**
   * The claims whose nodes have joined; {@code awaited} are replacements holding room for pods
   * moving to them (not empty, not candidates).
   */
  List<FleetNode> read(
      List<NodeClaim> claims,
      List<Node> nodes,
      ClusterPods view,
      Set<String> awaited,
      Instant now) {
    Map<String, Node> joined = new HashMap<>();
    nodes.forEach(n -> joined.put(n.name(), n));
    Map<String, List<Pod>> onNode = new HashMap<>();
    for (Pod p : view.pods()) {
      if (p.bound()) {
        onNode.computeIfAbsent(p.nodeName(), n -> new ArrayList<>()).add(p);
      }
    }
    EvictionAllowance allowance = new EvictionAllowance(view);
    List<FleetNode> fleet = new ArrayList<>();
    for (NodeClaim claim : claims) {
      Node node = joined.get(claim.name());
      if (node == null) {
        continue;
      }
      boolean drained = true;
      boolean doNotDisrupt = false;
      List<Pod> moving = new ArrayList<>();
      long cpu = 0;
      long memory = 0;
      for (Pod p : onNode.getOrDefault(claim.name(), List.of())) {
        boolean daemon = p.owner().startsWith("DaemonSet/");
        drained &= daemon;
        if (view.terminating().contains(p.id())) {
          continue;
        }
        cpu += p.requests().get(ResourceNames.CPU);
        memory += p.requests().get(ResourceNames.MEMORY);
        doNotDisrupt |= p.doNotDisrupt();
        if (!daemon) {
          moving.add(p);
        }
      }
      Resources requested =
          Resources.of(Map.of(ResourceNames.CPU, cpu, ResourceNames.MEMORY, memory));
      boolean nominated =
          awaited.contains(claim.name()) || state.nominations().targets(claim.name());
      fleet.add(
          new FleetNode(
              claim.name(),
              claim.pool(),
              claim.createdAt(),
              state.emptySince(claim.name(), drained && !nominated, now),
              doNotDisrupt,
              state.disrupting().containsKey(claim.name())
                  || state.warned().containsKey(claim.name()),
              claim.offering(),
              price(claim),
              moving,
              node.allocatable(),
              requested,
              state.podChanges().changedAt(claim.name(), now),
              moving.stream().allMatch(allowance::allows),
              nominated));
    }
    return fleet;
  }

  /** What the claim's node costs per hour (instance and volumes), or null if not in the catalog. */
  private Double price(NodeClaim claim) {
    Optional<Offering> offering =
        config
            .catalog()
            .offering(
                claim.offering().type(), claim.offering().zone(), claim.offering().capacityType());
    if (offering.isEmpty()) {
      return null;
    }
    NodePool pool = pools.get(claim.pool());
    double storage =
        pool == null ? 0 : config.catalog().storagePerHour(pool.nodeClass().billedEbsBytes());
    return offering.get().pricePerHour() + storage;
  }
}
