package io.flotilla.kube.manifest;

import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a set of manifests says: the pods to place (bound ones carry their node), the existing
 * nodes, the pools new nodes may come from, the DaemonSets every admitting node carries, the kinds
 * skipped as irrelevant to scheduling (with counts) and the warnings.
 */
public record Manifests(
    List<Pod> pods,
    List<Node> nodes,
    List<NodePool> nodePools,
    List<DaemonSet> daemonSets,
    SortedMap<String, Integer> skippedKinds,
    List<String> warnings) {

  public Manifests {
    pods = List.copyOf(pods);
    nodes = List.copyOf(nodes);
    nodePools = List.copyOf(nodePools);
    daemonSets = List.copyOf(daemonSets);
    skippedKinds = Collections.unmodifiableSortedMap(new TreeMap<>(skippedKinds));
    warnings = List.copyOf(warnings);
  }
}
