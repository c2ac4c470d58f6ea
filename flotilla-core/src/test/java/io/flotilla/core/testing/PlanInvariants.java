package io.flotilla.core.testing;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a plan against its request from first principles, without the planner's code: every pod
 * accounted for once, no node over-committed, every placement honouring selectors, affinity,
 * taints, architecture, anti-affinity and spread, pool requirements and limits respected.
 */
public final class PlanInvariants {
  private final PlanRequest request;
  private final Plan plan;
  private final List<String> violations = new ArrayList<>();
  private final Map<PodId, Pod> pods;
  private final Map<String, NodePool> pools;

  private PlanInvariants(PlanRequest request, Plan plan) {
    this.request = request;
    this.plan = plan;
    this.pods = request.pods().stream().collect(Collectors.toMap(Pod::id, Function.identity()));
    this.pools = request.pools().stream().collect(Collectors.toMap(NodePool::name, p -> p));
  }

  /** Every violation found, empty when the plan is sound. */
  public static List<String> violations(PlanRequest request, Plan plan) {
    PlanInvariants check = new PlanInvariants(request, plan);
    check.accounting();
    Map<PlannedNode, List<Pod>> onNode = check.podsByNode();
    onNode.forEach(check::node);
    check.zoneSpread(onNode);
    check.limits();
    return check.violations;
  }

  private void accounting() {
    Set<PodId> seen = new HashSet<>();
    for (PlannedNode n : plan.nodes()) {
      for (PodId id : n.pods()) {
        expectOnce(seen, id);
      }
    }
    for (Unschedulable u : plan.unschedulable()) {
      expectOnce(seen, u.pod());
      if (u.reason() == null || u.reason().isBlank()) {
        violations.add(u.pod() + " unschedulable without a reason");
      }
    }
    for (Pod p : request.pendingPods()) {
      if (!seen.contains(p.id())) {
        violations.add(p.id() + " neither placed nor reported unschedulable");
      }
    }
  }

  private void expectOnce(Set<PodId> seen, PodId id) {
    Pod pod = pods.get(id);
    if (pod == null) {
      violations.add("unknown pod " + id);
    } else if (pod.bound()) {
      violations.add("bound pod " + id + " placed again");
    }
    if (!seen.add(id)) {
      violations.add(id + " appears more than once");
    }
  }

  /** Planned pods plus, for existing nodes, the pods already bound there. */
  private Map<PlannedNode, List<Pod>> podsByNode() {
    Map<PlannedNode, List<Pod>> onNode = new HashMap<>();
    for (PlannedNode n : plan.nodes()) {
      List<Pod> list = new ArrayList<>();
      n.pods().forEach(id -> list.add(pods.get(id)));
      if (n.existing()) {
        request.pods().stream().filter(p -> n.name().equals(p.nodeName())).forEach(list::add);
      }
      onNode.put(n, list);
    }
    return onNode;
  }

  private void node(PlannedNode n, List<Pod> here) {
    List<Taint> taints;
    Resources allocatable;
    Map<String, String> labels = n.labels();
    if (n.existing()) {
      Node node =
          request.nodes().stream().filter(x -> x.name().equals(n.name())).findFirst().orElse(null);
      if (node == null) {
        violations.add("plan invents existing node " + n.name());
        return;
      }
      taints = node.taints();
      allocatable = node.allocatable();
      labels = node.labels();
      if (node.unschedulable() && !n.pods().isEmpty()) {
        violations.add("pods placed on cordoned node " + n.name());
      }
    } else {
      NodePool pool = pools.get(n.nodePool());
      if (pool == null) {
        violations.add(n.name() + " from unknown pool " + n.nodePool());
        return;
      }
      taints = pool.taints();
      InstanceType type = request.catalog().type(n.instanceType()).orElseThrow();
      allocatable = Allocatable.of(type, pool.kubelet(), pool.nodeClass());
      Offering offering =
          request.catalog().offering(n.instanceType(), n.zone(), n.capacityType()).orElse(null);
      double volumes =
          request.catalog().ebsPricePerGibMonth()
              * pool.nodeClass().billedEbsBytes()
              / (1L << 30)
              / 730;
      if (offering == null
          || Math.abs(offering.pricePerHour() - n.offering().instancePerHour()) > 1e-9
          || Math.abs(volumes - n.offering().storagePerHour()) > 1e-9) {
        violations.add(n.name() + " priced " + n.offering() + " but catalog says " + offering);
      }
      if (!pool.requirements().matches(wellKnownOnly(labels, pool))) {
        violations.add(n.name() + " labels " + labels + " violate pool requirements");
      }
      check(n, labels.get(WellKnownLabels.ZONE), n.zone(), "zone label");
      check(n, labels.get(WellKnownLabels.CAPACITY_TYPE), n.capacityType().label(), "capacity");
      check(n, labels.get(WellKnownLabels.ARCH), type.arch(), "arch label");
    }
    Resources used = daemons(labels, taints);
    for (Pod p : here) {
      used = used.plus(p.requests()).plus(Resources.of("pods", 1));
      if (!n.pods().contains(p.id())) {
        continue; // bound pods were placed by the scheduler, not by this plan
      }
      if (!p.nodeAffinity().matches(labels)) {
        violations.add(p.id() + " on " + n.name() + " violates its node selector/affinity");
      }
      Taint t = Toleration.firstUntolerated(p.tolerations(), taints);
      if (t != null) {
        violations.add(p.id() + " on " + n.name() + " does not tolerate " + t);
      }
      String arch = labels.get(WellKnownLabels.ARCH);
      if (!p.architectures().isEmpty() && !p.architectures().contains(arch)) {
        violations.add(p.id() + " (images " + p.architectures() + ") on " + arch + " node");
      }
    }
    if (!used.fitsIn(allocatable)) {
      violations.add(
          n.name()
              + " over-committed: "
              + used
              + " > "
              + allocatable
              + " in "
              + used.exceeding(allocatable));
    }
    colocation(n, here);
  }

  private void check(PlannedNode n, String actual, String expected, String what) {
    if (!expected.equals(actual)) {
      violations.add(n.name() + " " + what + " " + actual + " != " + expected);
    }
  }

  /** Pool requirements on custom keys may be left open; only decided keys are checked. */
  private static Map<String, String> wellKnownOnly(Map<String, String> labels, NodePool pool) {
    Map<String, String> copy = new HashMap<>(labels);
    pool.requirements().list().stream()
        .filter(r -> !WellKnownLabels.isWellKnown(r.key()) && !labels.containsKey(r.key()))
        .forEach(r -> copy.put(r.key(), r.values().isEmpty() ? "x" : r.values().iterator().next()));
    return copy;
  }

  private Resources daemons(Map<String, String> labels, List<Taint> taints) {
    Resources total = Resources.NONE;
    for (DaemonSet ds : request.daemonSets()) {
      Pod t = ds.template();
      boolean runs =
          Toleration.firstUntolerated(t.tolerations(), taints) == null
              && t.nodeAffinity().matches(labels)
              && (t.architectures().isEmpty()
                  || t.architectures().contains(labels.get(WellKnownLabels.ARCH)));
      if (runs) {
        total = total.plus(t.requests()).plus(Resources.of("pods", 1));
      }
    }
    return total;
  }

  private void colocation(PlannedNode n, List<Pod> here) {
    for (int i = 0; i < here.size(); i++) {
      for (int j = i + 1; j < here.size(); j++) {
        Pod a = here.get(i);
        Pod b = here.get(j);
        if (repels(a, b) || repels(b, a)) {
          violations.add(
              a.id() + " and " + b.id() + " share " + n.name() + " against anti-affinity");
        }
        Set<String> ports = new HashSet<>(a.hostPorts());
        ports.retainAll(b.hostPorts());
        if (!ports.isEmpty()) {
          violations.add(a.id() + " and " + b.id() + " share host ports " + ports);
        }
      }
    }
    for (Pod p : here) {
      for (TopologySpread s : p.topologySpread()) {
        if (s.hard() && WellKnownLabels.HOSTNAME.equals(s.topologyKey())) {
          long matching =
              here.stream()
                  .filter(q -> q.id().namespace().equals(p.id().namespace()))
                  .filter(q -> s.selector().matches(q.labels()))
                  .count();
          if (matching > s.maxSkew()) {
            violations.add(
                n.name() + " holds " + matching + " pods of a hostname spread, max " + s.maxSkew());
          }
        }
      }
    }
  }

  private static boolean repels(Pod a, Pod b) {
    for (PodAffinityTerm t : a.antiAffinity()) {
      if (WellKnownLabels.HOSTNAME.equals(t.topologyKey()) && t.selects(b, a.id().namespace())) {
        return true;
      }
    }
    return false;
  }

  /** Hard zone spread: per selector, zones used by matching pods differ by at most maxSkew. */
  private void zoneSpread(Map<PlannedNode, List<Pod>> onNode) {
    Map<PodId, String> zoneOf = new HashMap<>();
    onNode.forEach(
        (n, list) ->
            list.forEach(
                p -> zoneOf.put(p.id(), n.labels().getOrDefault(WellKnownLabels.ZONE, n.zone()))));
    for (Pod p : request.pendingPods()) {
      for (TopologySpread s : p.topologySpread()) {
        if (!s.hard()
            || !WellKnownLabels.ZONE.equals(s.topologyKey())
            || !zoneOf.containsKey(p.id())) {
          continue;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Pod q : request.pods()) {
          String z = zoneOf.get(q.id());
          if (z != null
              && q.id().namespace().equals(p.id().namespace())
              && s.selector().matches(q.labels())) {
            counts.merge(z, 1, Integer::sum);
          }
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int min =
            eligibleZones(p).stream().mapToInt(z -> counts.getOrDefault(z, 0)).min().orElse(0);
        if (max - min > s.maxSkew()) {
          violations.add(
              "zone spread of " + p.id() + " skewed: " + counts + " maxSkew " + s.maxSkew());
        }
      }
    }
  }

  /**
   * The zones a hard zone spread counts, as Karpenter sees them: zones of offerings whose node the
   * pod could run on (tolerated pool, pool requirements and pod affinity both satisfied, image
   * architecture), and zones of existing nodes it could run on. Capacity is not considered.
   */
  private Set<String> eligibleZones(Pod p) {
    Set<String> zones = new HashSet<>();
    for (NodePool pool : request.pools()) {
      if (Toleration.firstUntolerated(p.tolerations(), pool.taints()) != null) {
        continue;
      }
      for (Offering o : request.catalog().offerings()) {
        Map<String, String> labels = new HashMap<>(o.type().labels());
        labels.put(WellKnownLabels.ZONE, o.zone());
        labels.put(WellKnownLabels.CAPACITY_TYPE, o.capacityType().label());
        labels.put(WellKnownLabels.OS, "linux");
        labels.put(WellKnownLabels.NODE_POOL, pool.name());
        pool.labels().forEach(labels::putIfAbsent);
        boolean archOk = p.architectures().isEmpty() || p.architectures().contains(o.type().arch());
        if (archOk
            && pool.requirements().matches(wellKnownOnly(labels, pool))
            && p.nodeAffinity().matches(labels)) {
          zones.add(o.zone());
        }
      }
    }
    for (Node n : request.nodes()) {
      boolean ok =
          !n.unschedulable()
              && Toleration.firstUntolerated(p.tolerations(), n.taints()) == null
              && p.nodeAffinity().matches(n.labels())
              && (p.architectures().isEmpty()
                  || p.architectures().contains(n.labels().get(WellKnownLabels.ARCH)));
      if (ok && n.labels().containsKey(WellKnownLabels.ZONE)) {
        zones.add(n.labels().get(WellKnownLabels.ZONE));
      }
    }
    return zones;
  }

  private void limits() {
    for (NodePool pool : request.pools()) {
      Resources total = Resources.NONE;
      long count = 0;
      for (PlannedNode n : plan.newNodes()) {
        if (n.nodePool().equals(pool.name())) {
          InstanceType t = request.catalog().type(n.instanceType()).orElseThrow();
          total = total.plus(Allocatable.capacity(t, pool.kubelet(), pool.nodeClass()));
          count++;
        }
      }
      for (Node existing : request.nodes()) {
        if (pool.name().equals(existing.labels().get(WellKnownLabels.NODE_POOL))) {
          total = total.plus(existing.capacity());
          count++;
        }
      }
      boolean launched = plan.newNodes().stream().anyMatch(n -> n.nodePool().equals(pool.name()));
      for (String name : pool.limits().names()) {
        if (launched && total.get(name) > pool.limits().get(name)) {
          violations.add(
              "pool " + pool.name() + " exceeds its " + name + " limit: " + total.get(name));
        }
      }
      if (launched && pool.maxNodes() != null && count > pool.maxNodes()) {
        violations.add(
            "pool " + pool.name() + " launches " + count + " nodes, max " + pool.maxNodes());
      }
    }
  }
}
