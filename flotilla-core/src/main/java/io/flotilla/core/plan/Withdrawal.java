package io.flotilla.core.plan;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Takes pods back off a plan's nodes as unschedulable; new nodes left empty are not bought. */
final class Withdrawal {
  private Withdrawal() {}

  static Plan without(Plan plan, Map<PodId, String> removed, Map<PodId, Pod> pods) {
    List<PlannedNode> nodes = new ArrayList<>();
    for (PlannedNode n : plan.nodes()) {
      List<PodId> kept = n.pods().stream().filter(p -> !removed.containsKey(p)).toList();
      if (!n.existing() && kept.isEmpty()) {
        continue;
      }
      Resources used = n.used();
      for (PodId p : n.pods()) {
        if (removed.containsKey(p)) {
          used = used.minusFloored(ClassGrouping.withPodSlot(pods.get(p).requests()));
        }
      }
      nodes.add(n.withPods(kept, used));
    }
    List<Unschedulable> failed = new ArrayList<>(plan.unschedulable());
    removed.forEach((pod, reason) -> failed.add(new Unschedulable(pod, reason)));
    failed.sort(Comparator.comparing(Unschedulable::pod));
    Set<PodId> seen = new HashSet<>();
    failed.removeIf(u -> !seen.add(u.pod()));
    return new Plan(nodes, failed, plan.warnings());
  }
}
