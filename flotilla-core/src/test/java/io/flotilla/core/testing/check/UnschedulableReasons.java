package io.flotilla.core.testing.check;

import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.check.Launchable.Candidate;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain pod (no spread, pod affinity, anti-affinity or host port of its own, and none of another
 * pod's selectors select it) reported unschedulable although, once the plan is carried out, an
 * existing node it may run on has room for it, or a pool could still launch a node for it (its
 * taints, requirements and architecture allow it, a type holds it after DaemonSets, within the
 * pool's limits, keeping minValues under the Strict policy). Pods with those constraints are
 * exempt: the planner may not support them yet, and moving them could break another pod's.
 */
final class UnschedulableReasons {
  private final Cluster cluster;
  private final Launchable launchable;
  private final Alternatives alternatives;

  UnschedulableReasons(Cluster cluster, Launchable launchable, Alternatives alternatives) {
    this.cluster = cluster;
    this.launchable = launchable;
    this.alternatives = alternatives;
  }

  List<String> check() {
    List<String> out = new ArrayList<>();
    boolean strict =
        cluster.request.options().minValuesPolicy() == PlanOptions.MinValuesPolicy.STRICT;
    for (Unschedulable u : cluster.plan.unschedulable()) {
      Pod p = cluster.pod(u.pod());
      if (p == null
          || p.bound()
          || cluster.location.containsKey(p.id())
          || !alternatives.plain(p)) {
        continue;
      }
      var existing = alternatives.existingWithRoom(p, n -> true);
      if (existing.isPresent()) {
        out.add(
            p.id()
                + " is reported unschedulable ("
                + u.reason()
                + ") but existing node "
                + existing.get().name
                + " has room for it");
        continue;
      }
      for (NodePool pool : cluster.pools.values()) {
        Candidate c = launchable.forPod(pool, p, strict);
        if (c != null) {
          out.add(
              p.id()
                  + " is reported unschedulable ("
                  + u.reason()
                  + ") but pool "
                  + pool.name()
                  + " could still launch "
                  + c.type().name()
                  + " "
                  + c.offering().zone()
                  + " "
                  + c.offering().capacityType().label()
                  + " for it");
          break;
        }
      }
    }
    return out;
  }
}
