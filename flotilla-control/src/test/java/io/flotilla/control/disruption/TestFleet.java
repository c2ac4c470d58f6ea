package io.flotilla.control.disruption;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A cluster for disruption tests: nodes of a pool as offerings of a catalog (labelled as the
 * planner labels its nodes), pods bound to them, and the {@link DisruptionInput} a control plane
 * would build from it. Prices come from the catalog, as the control plane reads them.
 */
final class TestFleet {
  private final Catalog catalog;
  private final List<NodePool> pools = new ArrayList<>();
  private final Map<String, NodeEntry> nodes = new LinkedHashMap<>();
  private final List<Pod> pods = new ArrayList<>();
  private final Set<String> disrupting = new HashSet<>();
  private final Set<String> nominated = new HashSet<>();
  private final Set<String> blockedByBudget = new HashSet<>();
  private final List<NodeClaim> inFlight = new ArrayList<>();
  private Instant changedAt = Instant.EPOCH;

  private record NodeEntry(Node node, NodeClaim claim, Instant podsChangedAt) {}

  TestFleet(Catalog catalog, NodePool... pools) {
    this.catalog = catalog;
    this.pools.addAll(List.of(pools));
  }

  Catalog catalog() {
    return catalog;
  }

  /** A node of the first pool, launched and with its pods unchanged since {@code since}. */
  TestFleet node(String name, String type, CapacityType capacity, String zone, Instant since) {
    return node(name, pools.get(0), type, capacity, zone, since);
  }

  TestFleet node(
      String name, NodePool pool, String type, CapacityType capacity, String zone, Instant since) {
    InstanceType t = catalog.type(type).orElseThrow();
    Map<String, String> labels = new TreeMap<>(t.labels());
    labels.put(WellKnownLabels.REGION, catalog.region());
    labels.put(WellKnownLabels.OS, "linux");
    labels.put(WellKnownLabels.NODE_POOL, pool.name());
    labels.put(WellKnownLabels.ZONE, zone);
    labels.put(WellKnownLabels.CAPACITY_TYPE, capacity.label());
    labels.put(WellKnownLabels.HOSTNAME, name);
    pool.labels().forEach(labels::putIfAbsent);
    Resources allocatable = Allocatable.of(t, pool.kubelet(), pool.nodeClass());
    Node node = new Node(name, labels, pool.taints(), allocatable, allocatable, false);
    NodeClaim claim =
        new NodeClaim(
            name,
            pool.name(),
            new OfferingKey(type, zone, capacity),
            "i-" + name,
            labels,
            allocatable,
            since);
    nodes.put(name, new NodeEntry(node, claim, since));
    return this;
  }

  /** Binds these pods to the node (their names made unique by the node's). */
  TestFleet pods(String node, List<Pod> more) {
    for (Pod p : more) {
      pods.add(
          p.withId(new PodId(p.id().namespace(), node + "-" + p.id().name())).withNodeName(node));
    }
    return this;
  }

  TestFleet disrupting(String node) {
    disrupting.add(node);
    return this;
  }

  TestFleet nominated(String node) {
    nominated.add(node);
    return this;
  }

  /** The node's pods may not be evicted now (a PodDisruptionBudget allows none). */
  TestFleet blockedByBudget(String node) {
    blockedByBudget.add(node);
    return this;
  }

  TestFleet changedAt(Instant at) {
    changedAt = at;
    return this;
  }

  /** Marks the node's pods as changed at {@code at}. */
  TestFleet podsChanged(String node, Instant at) {
    NodeEntry e = nodes.get(node);
    nodes.put(node, new NodeEntry(e.node(), e.claim(), at));
    changedAt = at.isAfter(changedAt) ? at : changedAt;
    return this;
  }

  List<Pod> pods() {
    return List.copyOf(pods);
  }

  List<FleetNode> fleet() {
    List<FleetNode> out = new ArrayList<>();
    for (NodeEntry e : nodes.values()) {
      String name = e.node().name();
      List<Pod> on = pods.stream().filter(p -> name.equals(p.nodeName())).toList();
      List<Pod> moving = on.stream().filter(p -> !p.owner().startsWith("DaemonSet/")).toList();
      Resources requested = on.stream().map(Pod::requests).reduce(Resources.NONE, Resources::plus);
      NodePool pool =
          pools.stream().filter(p -> p.name().equals(e.claim().pool())).findFirst().orElseThrow();
      Optional<Offering> offering =
          catalog.offering(
              e.claim().offering().type(),
              e.claim().offering().zone(),
              e.claim().offering().capacityType());
      Double price =
          offering
              .map(
                  o -> o.pricePerHour() + catalog.storagePerHour(pool.nodeClass().billedEbsBytes()))
              .orElse(null);
      out.add(
          new FleetNode(
              name,
              e.claim().pool(),
              e.claim().createdAt(),
              moving.isEmpty() ? Optional.of(e.podsChangedAt()) : Optional.empty(),
              on.stream().anyMatch(Pod::doNotDisrupt),
              disrupting.contains(name),
              e.claim().offering(),
              price,
              moving,
              e.node().allocatable(),
              requested,
              e.podsChangedAt(),
              !blockedByBudget.contains(name),
              nominated.contains(name)));
    }
    return out;
  }

  PlanRequest request() {
    List<Node> all = new ArrayList<>();
    nodes
        .values()
        .forEach(
            e -> all.add(disrupting.contains(e.node().name()) ? cordoned(e.node()) : e.node()));
    return new PlanRequest(pods, all, pools, List.of(), catalog, PlanOptions.DEFAULTS);
  }

  DisruptionInput input() {
    List<NodeClaim> claims = new ArrayList<>();
    nodes.values().forEach(e -> claims.add(e.claim()));
    claims.addAll(inFlight);
    return new DisruptionInput(fleet(), request(), claims, changedAt);
  }

  List<NodePool> pools() {
    return List.copyOf(pools);
  }

  private static Node cordoned(Node n) {
    return new Node(n.name(), n.labels(), n.taints(), n.capacity(), n.allocatable(), true);
  }
}
