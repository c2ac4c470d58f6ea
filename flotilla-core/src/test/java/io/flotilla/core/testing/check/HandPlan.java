package io.flotilla.core.testing.check;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.NodeOffering;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A plan written by hand for a request, for testing the checker: new nodes get the offering's
 * price, the labels Karpenter would give them and their allocatable, so a plan built only from
 * sound decisions passes; the test then breaks one thing.
 */
public final class HandPlan {
  private final PlanRequest request;
  private final List<PlannedNode> nodes = new ArrayList<>();
  private final List<Unschedulable> unschedulable = new ArrayList<>();

  private HandPlan(PlanRequest request) {
    this.request = request;
  }

  public static HandPlan of(PlanRequest request) {
    return new HandPlan(request);
  }

  /** A new node of the pool: type, zone, "spot" or "on-demand", and the names of its pods. */
  public HandPlan launch(
      String name, String pool, String type, String zone, String capacity, String... pods) {
    return launch(name, pool, type, zone, capacity, l -> l, pods);
  }

  /** As {@link #launch}, with the labels changed by {@code relabel}. */
  public HandPlan launch(
      String name,
      String poolName,
      String typeName,
      String zone,
      String capacity,
      UnaryOperator<Map<String, String>> relabel,
      String... pods) {
    NodePool pool =
        request.pools().stream().filter(p -> p.name().equals(poolName)).findFirst().orElseThrow();
    InstanceType type = request.catalog().type(typeName).orElseThrow();
    CapacityType ct = CapacityType.parse(capacity);
    Offering o = request.catalog().offering(typeName, zone, ct).orElse(null);
    Map<String, String> labels = new TreeMap<>(KarpenterLabels.ofType(type));
    labels.put(KarpenterLabels.ZONE, zone);
    labels.put(KarpenterLabels.CAPACITY_TYPE, capacity);
    labels.put(KarpenterLabels.OS, "linux");
    labels.put(KarpenterLabels.HOSTNAME, name);
    labels.put(KarpenterLabels.poolKey(pool), pool.name());
    labels.putAll(pool.labels());
    for (Requirement r : pool.requirements().list()) {
      if (r.operator() == Operator.IN && r.values().size() == 1) {
        labels.putIfAbsent(r.key(), r.values().iterator().next());
      }
    }
    nodes.add(
        new PlannedNode(
            name,
            false,
            poolName,
            new NodeOffering(
                typeName,
                ct,
                zone,
                type.arch(),
                o == null ? 0.0 : o.pricePerHour(),
                request.catalog().storagePerHour(pool.nodeClass().billedEbsBytes()),
                null,
                o == null ? null : o.source()),
            ids(pods),
            relabel.apply(labels),
            Resources.of(KarpenterAllocatable.allocatable(type, pool.kubelet(), pool.nodeClass())),
            Resources.NONE));
    return this;
  }

  /** Pods the plan puts on an existing node. */
  public HandPlan onExisting(String nodeName, String... pods) {
    Node node =
        request.nodes().stream().filter(n -> n.name().equals(nodeName)).findFirst().orElseThrow();
    Map<String, String> l = node.labels();
    nodes.add(
        new PlannedNode(
            nodeName,
            true,
            null,
            new NodeOffering(
                l.get(KarpenterLabels.INSTANCE_TYPE),
                CapacityType.ON_DEMAND,
                l.get(KarpenterLabels.ZONE),
                l.get(KarpenterLabels.ARCH),
                null,
                0,
                null,
                null),
            ids(pods),
            l,
            node.allocatable(),
            Resources.NONE));
    return this;
  }

  public HandPlan unschedulable(String pod, String reason) {
    unschedulable.add(new Unschedulable(id(pod), reason));
    return this;
  }

  public Plan build() {
    return new Plan(nodes, unschedulable);
  }

  private static List<PodId> ids(String... pods) {
    List<PodId> out = new ArrayList<>();
    for (String p : pods) {
      out.add(id(p));
    }
    return out;
  }

  private static PodId id(String pod) {
    String[] parts = pod.split("/", 2);
    return parts.length == 2 ? new PodId(parts[0], parts[1]) : new PodId("default", pod);
  }
}
