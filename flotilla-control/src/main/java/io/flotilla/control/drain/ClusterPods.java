package io.flotilla.control.drain;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import java.util.List;
import java.util.Set;

/**
 * What a drain needs to know of the cluster: every pod (bound ones carry their node), the pods
 * being evicted now, and the disruption budgets.
 */
public record ClusterPods(List<Pod> pods, Set<PodId> terminating, List<DisruptionBudget> budgets) {
  public ClusterPods {
    pods = List.copyOf(pods);
    terminating = Set.copyOf(terminating);
    budgets = List.copyOf(budgets);
  }

  /** The pods of {@code node} a drain evicts: all but DaemonSet pods, which stay until it goes. */
  public List<Pod> evictableOn(String node) {
    return pods.stream()
        .filter(p -> node.equals(p.nodeName()) && !p.owner().startsWith("DaemonSet/"))
        .toList();
  }
}
