package io.flotilla.cli.simulate;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.sim.world.ExistingNode;
import io.flotilla.sim.world.RunningPod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The nodes a cluster dump has, as the simulation starts them: each runs as the offering its labels
 * name (instance type, zone, Karpenter's or EKS's capacity type, on-demand when neither says), in
 * the NodePool its {@code karpenter.sh/nodepool} (or v1alpha5 {@code provisioner-name}) label names
 * when the strategy has that pool, else unmanaged. A node whose offering the catalog lacks is not
 * simulated, with a note; the pods that ran on it start pending.
 */
final class DumpNodes {
  private static final String BETA_INSTANCE_TYPE = "beta.kubernetes.io/instance-type";
  private static final String BETA_ZONE = "failure-domain.beta.kubernetes.io/zone";

  /** The nodes found, with the pool their labels name (null: none), and the notes. */
  record Found(List<ExistingNode> nodes, List<String> notes) {}

  private DumpNodes() {}

  static Found of(List<Node> nodes, Catalog catalog) {
    List<ExistingNode> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Node n : nodes) {
      Map<String, String> labels = n.labels();
      String type = first(labels, WellKnownLabels.INSTANCE_TYPE, BETA_INSTANCE_TYPE);
      String zone = first(labels, WellKnownLabels.ZONE, BETA_ZONE);
      CapacityType capacity = capacityType(labels);
      if (type == null || zone == null || capacity == null) {
        notes.add(
            "node "
                + n.name()
                + " not simulated: its labels name no instance type, zone or known capacity type;"
                + " its pods start pending");
        continue;
      }
      OfferingKey key = new OfferingKey(type, zone, capacity);
      if (catalog.offering(type, zone, capacity).isEmpty()) {
        notes.add(
            "node "
                + n.name()
                + " not simulated: "
                + key
                + " is not in the catalog (--prices FILE can add it); its pods start pending");
        continue;
      }
      String pool = first(labels, WellKnownLabels.NODE_POOL, WellKnownLabels.PROVISIONER_NAME);
      out.add(new ExistingNode(n, pool == null ? ExistingNode.UNMANAGED : pool, key));
    }
    return new Found(out, notes);
  }

  /** The nodes as one strategy starts them: pools it does not have leave their nodes unmanaged. */
  static List<ExistingNode> forPools(List<ExistingNode> nodes, List<NodePool> pools) {
    Set<String> names = new TreeSet<>();
    pools.forEach(p -> names.add(p.name()));
    List<ExistingNode> out = new ArrayList<>();
    for (ExistingNode n : nodes) {
      out.add(
          names.contains(n.pool())
              ? n
              : new ExistingNode(n.node(), ExistingNode.UNMANAGED, n.offering()));
    }
    return out;
  }

  /** The dump's pods bound to a simulated node, as replicas running there at the start. */
  static List<RunningPod> running(List<Pod> pods, List<ExistingNode> nodes) {
    Set<String> simulated = new TreeSet<>();
    nodes.forEach(n -> simulated.add(n.node().name()));
    List<RunningPod> out = new ArrayList<>();
    for (Pod p : pods) {
      if (p.nodeName() != null && simulated.contains(p.nodeName())) {
        out.add(new RunningPod(p.id().namespace(), p.owner(), p.nodeName()));
      }
    }
    return out;
  }

  /** Karpenter's label, else the EKS managed node group's; on-demand when neither is there. */
  private static CapacityType capacityType(Map<String, String> labels) {
    boolean labelled =
        labels.containsKey(WellKnownLabels.CAPACITY_TYPE)
            || labels.containsKey(WellKnownLabels.EKS_CAPACITY_TYPE);
    return labelled ? CapacityType.ofNodeLabels(labels) : CapacityType.ON_DEMAND;
  }

  private static String first(Map<String, String> labels, String key, String fallback) {
    String value = labels.get(key);
    return value != null ? value : labels.get(fallback);
  }
}
