package io.flotilla.control.disruption;

import io.flotilla.core.node.Node;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster as if some nodes were gone, for a scheduling simulation: their pods (DaemonSet pods
 * aside, which go with the node) are pending, the nodes are left out, and pods that were pending
 * are left to provisioning. The rest is as the cluster has it, in-flight NodeClaims included.
 *
 * <p>To keep the simulation cheap on a large cluster, a node with no room for any of the pending
 * pods is passed unschedulable and without its bound pods (it still counts against its pool's
 * limits), when no pending pod has a topology spread or pod (anti-)affinity and the pods dropped
 * have no inter-pod term of their own: the planner could place nothing there, and nothing else it
 * decides depends on those pods. The room is over-estimated (the pod count and DaemonSet overhead
 * are ignored), so no node that could take a pod is dropped.
 */
final class RemovalRequest {
  private RemovalRequest() {}

  static PlanRequest of(PlanRequest cluster, Set<String> removed) {
    List<Pod> pods = new ArrayList<>();
    List<Pod> pending = new ArrayList<>();
    for (Pod p : cluster.pods()) {
      if (!p.bound()) {
        continue;
      }
      if (!removed.contains(p.nodeName())) {
        pods.add(p);
      } else if (!p.owner().startsWith("DaemonSet/")) {
        Pod moving = p.withNodeName(null);
        pods.add(moving);
        pending.add(moving);
      }
    }
    List<Node> nodes = cluster.nodes().stream().filter(n -> !removed.contains(n.name())).toList();
    if (pending.stream().noneMatch(RemovalRequest::interPod)) {
      Set<String> roomless = roomless(nodes, pods, pending);
      if (!roomless.isEmpty()) {
        pods.removeIf(p -> p.bound() && roomless.contains(p.nodeName()) && !interPod(p));
        nodes = nodes.stream().map(n -> roomless.contains(n.name()) ? closed(n) : n).toList();
      }
    }
    return new PlanRequest(
        pods, nodes, cluster.pools(), cluster.daemonSets(), cluster.catalog(), cluster.options());
  }

  private static Set<String> roomless(List<Node> nodes, List<Pod> pods, List<Pod> pending) {
    Map<String, Resources> used = new HashMap<>();
    for (Pod p : pods) {
      if (p.bound()) {
        used.merge(p.nodeName(), p.requests(), Resources::plus);
      }
    }
    Set<Resources> requests = new HashSet<>();
    pending.forEach(p -> requests.add(p.requests()));
    Set<String> out = new HashSet<>();
    for (Node n : nodes) {
      Resources free = n.allocatable().minusFloored(used.getOrDefault(n.name(), Resources.NONE));
      if (n.unschedulable() || requests.stream().noneMatch(r -> r.fitsIn(free))) {
        out.add(n.name());
      }
    }
    return out;
  }

  private static boolean interPod(Pod p) {
    return !p.topologySpread().isEmpty() || !p.affinity().isEmpty() || !p.antiAffinity().isEmpty();
  }

  private static Node closed(Node n) {
    return n.unschedulable()
        ? n
        : new Node(n.name(), n.labels(), n.taints(), n.capacity(), n.allocatable(), true);
  }
}
