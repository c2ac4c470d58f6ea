package io.flotilla.core.testing.check;

import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.check.Cluster.NodeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each node holds and is: resources within allocatable (DaemonSets, bound and planned pods),
 * new nodes bought as catalog offerings and labelled as Karpenter would; and each pod where it may
 * run.
 */
final class NodeChecks {
  private final Cluster cluster;

  NodeChecks(Cluster cluster) {
    this.cluster = cluster;
  }

  List<String> resources() {
    List<String> out = new ArrayList<>();
    Map<String, String> hostnames = new HashMap<>();
    for (NodeView n : cluster.nodes) {
      String host = n.label(KarpenterLabels.HOSTNAME);
      String previous = hostnames.putIfAbsent(host, n.name);
      if (previous != null) {
        out.add(n.name + " and " + previous + " share hostname " + host);
      }
      if (n.existing && n.planned.isEmpty()) {
        continue; // what was there before the plan is not the plan's doing
      }
      if (!n.existing && (n.pool == null || n.type == null)) {
        continue; // reported by the accounting
      }
      Map<String, Long> used = cluster.used(n);
      Map<String, Long> over = Cluster.excess(used, n.allocatable);
      if (!over.isEmpty()) {
        out.add(
            n.name
                + " is over-committed by "
                + over
                + ": DaemonSets "
                + cluster.daemonOverhead(n)
                + " and pods use "
                + used
                + " of "
                + n.allocatable);
      }
      if (!n.existing) {
        newNode(n, out);
      }
    }
    return out;
  }

  private void newNode(NodeView n, List<String> out) {
    PlannedNode p = n.planNode;
    if (n.planned.isEmpty()) {
      out.add(n.name + " is launched for no pod");
    }
    Optional<Offering> offering =
        cluster.request.catalog().offerings(n.type.name()).stream()
            .filter(o -> o.zone().equals(p.zone()) && o.capacityType() == p.capacityType())
            .findFirst();
    if (offering.isEmpty()) {
      out.add(
          n.name
              + ": "
              + p.instanceType()
              + " "
              + p.zone()
              + " "
              + p.capacityType()
              + " is not an offering of the catalog");
    } else if (p.offering().instancePerHour() == null
        || Math.abs(offering.get().pricePerHour() - p.offering().instancePerHour()) > 1e-9) {
      out.add(
          n.name
              + " is priced "
              + p.offering().instancePerHour()
              + " but the catalog sells "
              + offering.get());
    }
    // Every node pays its node class's volumes at the catalog's gp3 price (730 hours a month).
    double volumes =
        cluster.request.catalog().ebsPricePerGibMonth()
            * n.pool.nodeClass().billedEbsBytes()
            / (1L << 30)
            / 730;
    if (Math.abs(volumes - p.offering().storagePerHour()) > 1e-9) {
      out.add(
          n.name
              + " pays "
              + p.offering().storagePerHour()
              + " an hour for volumes but its node class costs "
              + volumes);
    }
    Map<String, String> expected = new HashMap<>(KarpenterLabels.ofType(n.type));
    expected.put(KarpenterLabels.ZONE, p.zone());
    expected.put(KarpenterLabels.CAPACITY_TYPE, p.capacityType().label());
    expected.put(KarpenterLabels.poolKey(n.pool), n.pool.name());
    n.pool.labels().forEach(expected::putIfAbsent);
    expected.forEach(
        (k, v) -> {
          if (!v.equals(n.label(k))) {
            out.add(n.name + " has label " + k + "=" + n.label(k) + ", expected " + v);
          }
        });
    for (String k : KarpenterLabels.PRESENCE_KEYS) {
      String v = n.label(k);
      if (v != null && !v.isEmpty() && !expected.containsKey(k)) {
        out.add(n.name + " has label " + k + "=" + v + " that " + n.type.name() + " lacks");
      }
    }
    Map<String, Long> reported = p.allocatable().asMap();
    if (!reported.equals(n.allocatable)) {
      out.add(
          n.name
              + " reports allocatable "
              + reported
              + " but "
              + n.type.name()
              + " in pool "
              + n.pool.name()
              + " has "
              + n.allocatable);
    }
  }

  List<String> placement() {
    List<String> out = new ArrayList<>();
    for (NodeView n : cluster.nodes) {
      if (!n.existing && n.pool != null) {
        Optional<Requirement> broken = brokenPoolRequirement(n);
        broken.ifPresent(
            r ->
                out.add(
                    n.name
                        + " breaks pool "
                        + n.pool.name()
                        + "'s requirement "
                        + r
                        + " (label "
                        + n.label(r.key())
                        + ")"));
        List<String> subnets = n.pool.nodeClass().subnetZones();
        if (!subnets.isEmpty() && !subnets.contains(n.label(KarpenterLabels.ZONE))) {
          out.add(
              n.name
                  + " is in "
                  + n.label(KarpenterLabels.ZONE)
                  + ", outside the subnets "
                  + subnets
                  + " of pool "
                  + n.pool.name());
        }
      }
      for (Pod p : n.planned) {
        if (n.cordoned) {
          out.add(p.id() + " is placed on cordoned node " + n.name);
        }
        cluster
            .refusal(p, n)
            .ifPresent(why -> out.add(p.id() + " may not run on " + n.name + ": " + why));
      }
    }
    return out;
  }

  /**
   * The first pool requirement the new node's labels break. A custom key the node has no label for
   * is left open by the plan (Karpenter would pick a value at launch), so only keys the cloud
   * decides, and custom keys the node carries, are held against it.
   */
  private Optional<Requirement> brokenPoolRequirement(NodeView n) {
    for (Requirement r : n.pool.requirements().list()) {
      String value = n.label(r.key());
      if (value == null && !KarpenterLabels.cloudDecided(r.key())) {
        continue;
      }
      if (!Selectors.holds(r, value)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
