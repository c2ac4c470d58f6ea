package io.flotilla.ports.cluster;

import io.flotilla.core.node.Node;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Kubernetes cluster as the control loops use it: read pods, nodes, NodeClaims and disruption
 * budgets; create and delete NodeClaims; cordon nodes; evict pods through the eviction API (which
 * enforces PodDisruptionBudgets, so a loop cannot violate one); delete nodes. The embedded
 * simulation and a real API server implement it; the loops never know which. The lists it returns
 * never change afterwards (an implementation may hand out the same list again while nothing
 * changed, and the loops may rely on that).
 */
public interface Cluster {
  /** Every pod: bound ones carry their node's name, pending ones none. */
  List<Pod> pods();

  /** Pods that are terminating (evicted, within their grace period). */
  Set<PodId> terminating();

  /** The nodes that have joined the cluster. */
  List<Node> nodes();

  List<NodeClaim> nodeClaims();

  List<DaemonSet> daemonSets();

  List<DisruptionBudget> disruptionBudgets();

  /**
   * The pod, or null (a GET by name). The default looks through {@link #pods()}; a cluster that
   * keeps pods by name answers at once.
   */
  default Pod pod(PodId id) {
    for (Pod p : pods()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }

  /**
   * The pods bound to the node, terminating ones included, in name order (a list with a {@code
   * spec.nodeName} field selector). The default looks through {@link #pods()}.
   */
  default List<Pod> podsOn(String node) {
    List<Pod> out = new ArrayList<>();
    for (Pod p : pods()) {
      if (node.equals(p.nodeName())) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * How many more disruptions each budget of {@link #disruptionBudgets()} allows now, in that
   * order, as a PodDisruptionBudget's {@code status.disruptionsAllowed} says; null when the cluster
   * does not keep them, and the loops count them from the pods.
   */
  default int[] disruptionsAllowed() {
    return null;
  }

  void createNodeClaim(NodeClaim claim);

  /** Marks a node unschedulable; no new pod is bound to it. */
  void cordon(String node);

  /** Asks the eviction API to evict a pod, which refuses when a budget allows no disruption. */
  EvictionOutcome evict(PodId pod);

  /**
   * Deletes a node and its NodeClaim (the instance is the cloud's to terminate); pods still on it
   * are deleted with it and their controllers replace them.
   */
  void deleteNode(String node);
}
