package io.flotilla.control.drain;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.Evict;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.List;

/**
 * The next step of draining a cordoned node, decided from what the cluster shows now: evict the
 * pods every disruption budget lets go (each eviction uses one disruption of each budget covering
 * the pod), and delete the node once only DaemonSet pods are left. Used by interruption handling
 * and by voluntary disruption alike.
 */
public final class Drainer {
  public List<Command> next(String node, ClusterPods cluster, String reason) {
    List<Pod> evictable = cluster.evictableOn(node);
    List<Command> commands = new ArrayList<>();
    List<PodId> evict = allowedEvictions(cluster, evictable);
    if (!evict.isEmpty()) {
      commands.add(new Evict(node, evict));
    }
    // Pods being evicted stay on the node until they end; only DaemonSet pods may remain.
    if (evictable.isEmpty()) {
      commands.add(new DeleteNode(node, reason));
    }
    return commands;
  }

  private static List<PodId> allowedEvictions(ClusterPods cluster, List<Pod> evictable) {
    EvictionAllowance allowance = new EvictionAllowance(cluster);
    List<PodId> out = new ArrayList<>();
    for (Pod p : evictable) {
      if (!cluster.terminating().contains(p.id()) && allowance.take(p)) {
        out.add(p.id());
      }
    }
    return out;
  }
}
