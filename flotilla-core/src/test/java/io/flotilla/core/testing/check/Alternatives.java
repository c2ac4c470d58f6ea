package io.flotilla.core.testing.check;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.core.testing.check.Cluster.NodeView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where else a pod could have gone once the plan is carried out, for the checks that only flag
 * definite violations. They apply to "plain" pods only: no topology spread, no required pod
 * (anti-)affinity and no host ports of their own, and not selected by any other pod's spread
 * selector or (anti-)affinity term, so moving one changes no other pod's constraint.
 */
final class Alternatives {
  private final Cluster cluster;
  private final List<Pod> constrained;

  Alternatives(Cluster cluster) {
    this.cluster = cluster;
    this.constrained =
        cluster.request.pods().stream()
            .filter(
                p ->
                    !p.topologySpread().isEmpty()
                        || !p.affinity().isEmpty()
                        || !p.antiAffinity().isEmpty())
            .toList();
  }

  boolean plain(Pod p) {
    if (!p.topologySpread().isEmpty()
        || !p.affinity().isEmpty()
        || !p.antiAffinity().isEmpty()
        || !p.hostPorts().isEmpty()) {
      return false;
    }
    for (Pod q : constrained) {
      for (TopologySpread s : q.topologySpread()) {
        if (q.id().namespace().equals(p.id().namespace())
            && Selectors.selects(s.selector(), p.labels())) {
          return false;
        }
      }
      for (PodAffinityTerm t : q.affinity()) {
        if (Selectors.selects(t, q.id().namespace(), p)) {
          return false;
        }
      }
      for (PodAffinityTerm t : q.antiAffinity()) {
        if (Selectors.selects(t, q.id().namespace(), p)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * An existing, schedulable node other than the pod's own that admits it (node affinity, hard
   * taints, architecture) and still has room for it when the plan is carried out.
   */
  Optional<NodeView> existingWithRoom(Pod p, Predicate<NodeView> also) {
    NodeView own = cluster.location.get(p.id());
    for (NodeView n : cluster.nodes) {
      if (!n.existing || n.cordoned || n == own || !also.test(n)) {
        continue;
      }
      if (cluster.refusal(p, n).isPresent()) {
        continue;
      }
      Map<String, Long> used = cluster.used(n);
      Cluster.addPod(used, p);
      if (Cluster.excess(used, n.allocatable).isEmpty()) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
