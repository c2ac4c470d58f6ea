package io.flotilla.kube.manifest;

import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.DisruptionBudget;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a set of manifests says: the pods to place (bound ones carry their node), the existing
 * nodes, the pools new nodes may come from, the DaemonSets every admitting node carries, the
 * PodDisruptionBudgets and HorizontalPodAutoscalers (for the simulator; a later definition of the
 * same object replaces an earlier one), the kinds skipped as irrelevant to scheduling (with counts)
 * and the warnings.
 */
public record Manifests(
    List<Pod> pods,
    List<Node> nodes,
    List<NodePool> nodePools,
    List<DaemonSet> daemonSets,
    List<DisruptionBudget> budgets,
    List<Autoscaler> autoscalers,
    SortedMap<String, Integer> skippedKinds,
    List<String> warnings) {

  public Manifests {
    pods = List.copyOf(pods);
    nodes = List.copyOf(nodes);
    nodePools = List.copyOf(nodePools);
    daemonSets = List.copyOf(daemonSets);
    budgets = List.copyOf(budgets);
    autoscalers = List.copyOf(autoscalers);
    skippedKinds = Collections.unmodifiableSortedMap(new TreeMap<>(skippedKinds));
    warnings = List.copyOf(warnings);
  }

  /** Manifests without budgets or autoscalers: the shape callers built before they were read. */
  public Manifests(
      List<Pod> pods,
      List<Node> nodes,
      List<NodePool> nodePools,
      List<DaemonSet> daemonSets,
      SortedMap<String, Integer> skippedKinds,
      List<String> warnings) {
    this(pods, nodes, nodePools, daemonSets, List.of(), List.of(), skippedKinds, warnings);
  }
}
