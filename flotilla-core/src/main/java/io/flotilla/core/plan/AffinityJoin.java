package io.flotilla.core.plan;

import io.flotilla.core.label.WellKnownLabels;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * After packing: unpacks bundles into their pods, and puts pods with required hostname affinity to
 * other pending pods onto the nodes that hold those pods, where there is room and nothing repels
 * them (anti-affinity, a host port a pod or DaemonSet there binds, a hostname spread's maxSkew);
 * the rest are unschedulable with that reason.
 */
final class AffinityJoin {
  private AffinityJoin() {}

  /**
   * @param taints the taints of a node of the plan
   */
  static Plan apply(
      Plan plan,
      HostnameAffinity.Result affinity,
      Map<PodId, Pod> pods,
      List<Pod> bound,
      Function<PlannedNode, List<Taint>> taints,
      List<DaemonSet> daemonSets) {
    if (affinity.bundles().isEmpty()
        && affinity.joining().isEmpty()
        && affinity.refused().isEmpty()) {
      return plan;
    }
    List<PlannedNode> nodes = new ArrayList<>();
    for (PlannedNode n : plan.nodes()) {
      List<PodId> ids = new ArrayList<>();
      for (PodId p : n.pods()) {
        ids.addAll(affinity.bundles().getOrDefault(p, List.of(p)));
      }
      ids.sort(null);
      nodes.add(n.withPods(ids, n.used()));
    }
    Map<PodId, String> failed = new TreeMap<>(affinity.refused());
    for (Unschedulable u : plan.unschedulable()) {
      for (PodId p : affinity.bundles().getOrDefault(u.pod(), List.of(u.pod()))) {
        failed.put(p, u.reason());
      }
    }
    Map<String, List<Pod>> boundByNode = new HashMap<>();
    bound.forEach(p -> boundByNode.computeIfAbsent(p.nodeName(), k -> new ArrayList<>()).add(p));
    for (PodClass c : affinity.joining()) {
      for (PodId id : c.pods()) {
        Pod pod = pods.get(id);
        int target = -1;
        for (int i = 0; i < nodes.size() && target < 0; i++) {
          PlannedNode n = nodes.get(i);
          if (accepts(n, pod, c, pods, boundByNode)
              && Toleration.firstUntolerated(pod.tolerations(), taints.apply(n)) == null
              && !daemonPortTaken(n, pod, taints.apply(n), daemonSets)) {
            target = i;
          }
        }
        if (target < 0) {
          failed.put(
              id,
              "required pod affinity on kubernetes.io/hostname: no node holding a pod it selects"
                  + " has room for it");
          continue;
        }
        PlannedNode n = nodes.get(target);
        List<PodId> ids = new ArrayList<>(n.pods());
        ids.add(id);
        ids.sort(null);
        nodes.set(
            target, n.withPods(ids, n.used().plus(ClassGrouping.withPodSlot(pod.requests()))));
      }
    }
    List<Unschedulable> out = new ArrayList<>();
    failed.forEach((p, r) -> out.add(new Unschedulable(p, r)));
    return new Plan(nodes, out, plan.warnings());
  }

  /** Would the pod take the node past a hostname spread's maxSkew (a new node keeps min at 0)? */
  private static boolean overSkew(Pod pod, List<Pod> there) {
    List<Pod> after = new ArrayList<>(there);
    after.add(pod);
    for (Pod owner : after) {
      if (owner == null) {
        continue;
      }
      for (TopologySpread s : owner.topologySpread()) {
        if (!WellKnownLabels.HOSTNAME.equals(s.topologyKey())
            || !(s.hard() || owner == pod)
            || !s.selector().matches(pod.labels())
            || !owner.id().namespace().equals(pod.id().namespace())) {
          continue;
        }
        long matching =
            after.stream()
                .filter(
                    q ->
                        q != null
                            && q.id().namespace().equals(pod.id().namespace())
                            && s.selector().matches(q.labels()))
                .count();
        if (matching > s.maxSkew()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Does a DaemonSet running on the node bind a host port the pod needs? */
  private static boolean daemonPortTaken(
      PlannedNode n, Pod pod, List<Taint> taints, List<DaemonSet> daemonSets) {
    for (DaemonSet ds : daemonSets) {
      if (!java.util.Collections.disjoint(ds.template().hostPorts(), pod.hostPorts())
          && Compatibility.daemonRuns(
              ds.template(), NodeTemplate.of(n.labels()), taints, n.arch())) {
        return true;
      }
    }
    return false;
  }

  private static boolean accepts(
      PlannedNode n,
      Pod pod,
      PodClass c,
      Map<PodId, Pod> pods,
      Map<String, List<Pod>> boundByNode) {
    List<Pod> there = new ArrayList<>(boundByNode.getOrDefault(n.name(), List.of()));
    n.pods().forEach(p -> there.add(pods.get(p)));
    String ns = pod.id().namespace();
    for (PodAffinityTerm t : HostnameAffinity.hostnameTerms(pod)) {
      if (there.stream().noneMatch(p -> p != null && t.selects(p, ns))) {
        return false;
      }
    }
    for (Pod p : there) {
      if (p != null && Colocation.repels(pod, p)) {
        return false;
      }
    }
    if (overSkew(pod, there)) {
      return false;
    }
    Resources after = n.used().plus(ClassGrouping.withPodSlot(pod.requests()));
    for (String r : after.names()) {
      if (after.get(r) > n.allocatable().get(r)) {
        return false;
      }
    }
    return Compatibility.whyNot(
            c.withTerms(ClassPreparation.requiredTerms(c)),
            NodeTemplate.of(n.labels()),
            List.of(),
            n.arch())
        == null;
  }
}
