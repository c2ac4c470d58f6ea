package io.flotilla.control.drain;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.Evict;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    Map<DisruptionBudget, Integer> allowed = new HashMap<>();
    for (DisruptionBudget b : cluster.budgets()) {
      List<Pod> covered = cluster.pods().stream().filter(b::covers).toList();
      int healthy =
          (int)
              covered.stream()
                  .filter(p -> p.bound() && !cluster.terminating().contains(p.id()))
                  .count();
      allowed.put(b, b.disruptionsAllowed(covered, healthy));
    }
    List<PodId> out = new ArrayList<>();
    for (Pod p : evictable) {
      if (cluster.terminating().contains(p.id())) {
        continue;
      }
      List<DisruptionBudget> mine = cluster.budgets().stream().filter(b -> b.covers(p)).toList();
      if (mine.stream().allMatch(b -> allowed.get(b) > 0)) {
        mine.forEach(b -> allowed.merge(b, -1, Integer::sum));
        out.add(p.id());
      }
    }
    return out;
  }
}
