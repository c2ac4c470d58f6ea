package io.flotilla.core.testing.check;

import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every pending pod appears exactly once, on a node or as unschedulable with a reason; pods already
 * bound stay where they are and appear nowhere in the plan.
 */
final class Accounting {
  private final Cluster cluster;

  Accounting(Cluster cluster) {
    this.cluster = cluster;
  }

  List<String> check() {
    List<String> out = new ArrayList<>(cluster.unreadable);
    Map<PodId, Integer> seen = new LinkedHashMap<>();
    for (PlannedNode n : cluster.plan.nodes()) {
      n.pods().forEach(id -> seen.merge(id, 1, Integer::sum));
    }
    for (Unschedulable u : cluster.plan.unschedulable()) {
      seen.merge(u.pod(), 1, Integer::sum);
      if (u.reason() == null || u.reason().isBlank()) {
        out.add(u.pod() + " is unschedulable without a reason");
      }
    }
    seen.forEach(
        (id, times) -> {
          Pod p = cluster.pod(id);
          if (p == null) {
            out.add("the plan names " + id + ", which is not in the request");
          } else if (p.bound()) {
            out.add(id + " is bound to " + p.nodeName() + " but the plan places it again");
          } else if (times > 1) {
            out.add(id + " appears " + times + " times in the plan");
          }
        });
    for (Pod p : cluster.request.pendingPods()) {
      if (!seen.containsKey(p.id())) {
        out.add(p.id() + " is neither placed nor reported unschedulable");
      }
    }
    return out;
  }
}
