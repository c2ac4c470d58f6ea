package io.flotilla.control.disruption;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.NodeFilter;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.pod.Pod;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Karpenter's spot-to-spot rule counts the replacement NodeClaim's instance-type options that are
 * cheaper than the node it replaces, and replaces a single Spot node by a Spot node only when there
 * are at least 15 (so the replacement keeps Spot flexibility and is not the node's own type at a
 * lower price again next time). The planner picks one offering; this counts the options a NodeClaim
 * for the same pods would have had: Spot instance types of the replacement's pool, in a zone the
 * pool allows, whose labels the pool's requirements and every pod's node affinity, taints and
 * architectures accept, whose allocatable holds what the replacement holds, at a Spot price below
 * {@code below}.
 */
final class SpotAlternatives {
  private SpotAlternatives() {}

  static int cheaperTypes(
      Catalog catalog, NodePool pool, PlannedNode replacement, List<Pod> pods, double below) {
    Map<String, String> shared = new TreeMap<>(replacement.labels());
    catalog
        .type(replacement.instanceType())
        .ifPresent(t -> shared.keySet().removeAll(t.labels().keySet()));
    Set<String> types = new HashSet<>();
    for (Offering o : catalog.offerings()) {
      if (o.capacityType() != CapacityType.SPOT
          || !(o.pricePerHour() < below)
          || types.contains(o.type().name())) {
        continue;
      }
      if (fits(o, pool, shared, replacement, pods)) {
        types.add(o.type().name());
      }
    }
    return types.size();
  }

  private static boolean fits(
      Offering o,
      NodePool pool,
      Map<String, String> shared,
      PlannedNode replacement,
      List<Pod> pods) {
    InstanceType type = o.type();
    if (!pool.nodeClass().allowsZone(o.zone())
        || !replacement.used().fitsIn(Allocatable.of(type, pool.kubelet(), pool.nodeClass()))) {
      return false;
    }
    Map<String, String> labels = new TreeMap<>(shared);
    labels.putAll(type.labels());
    labels.put(WellKnownLabels.ZONE, o.zone());
    labels.put(WellKnownLabels.CAPACITY_TYPE, CapacityType.SPOT.label());
    if (!pool.requirements().matches(labels)) {
      return false;
    }
    NodeFilter filter =
        NodeFilter.of(
            new Node(
                replacement.name(), labels, pool.taints(), null, replacement.allocatable(), false));
    return pods.stream().allMatch(p -> filter.whyNot(p) == null);
  }
}
