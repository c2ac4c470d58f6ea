package io.flotilla.core.testing.check;

import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.core.testing.check.Cluster.NodeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hard topology spread (whenUnsatisfiable: DoNotSchedule) on any key, checked on the cluster as the
 * plan leaves it. For each placed pod p and each of its hard constraints (key K, selector S,
 * maxSkew M, minDomains D):
 *
 * <ul>
 *   <li>p's node must carry label K (kube-scheduler filters out nodes without it);
 *   <li>a node is <em>counted</em> for p when it carries K, p's required node affinity holds on its
 *       labels and it runs p's architecture (nodeAffinityPolicy Honor), whatever its taints
 *       (nodeTaintsPolicy Ignore: Kubernetes' default when the constraint names no policy, "all
 *       nodes are included"); count(v) is the number of pods in p's namespace matching S on counted
 *       nodes whose K is v (bound and placed pods, p included);
 *   <li>the <em>eligible domains</em> are the values of K on counted nodes that are schedulable
 *       (not cordoned), plus the values the pools could give a new node p may run on: the K label
 *       of any node the pool could launch that admits p (its pool taints tolerated, p's affinity
 *       and architecture holding on the labels Karpenter would give it; zone and capacity type from
 *       the catalog's offerings, a custom key from the pool's label or each value of its In
 *       requirement). Resource fit and pool limits are not considered, as Karpenter does not
 *       consider them when it counts domains;
 *   <li>min is the smallest count(v) over the eligible domains; it is 0 when K is the hostname and
 *       some pool could launch a node for p (a new node is an empty domain), and 0 when D is set
 *       and fewer than D domains are eligible;
 *   <li>violation when count(K of p's node) - min > M.
 * </ul>
 *
 * Checking the final state is sound when the pods a selector counts carry the same constraint
 * (replicas of one workload): counts only grow as pods are bound, so a domain that was within
 * maxSkew of the minimum when its pod was bound stays so. ScheduleAnyway constraints are
 * preferences and are not checked.
 */
final class Spread {
  private final Cluster cluster;
  private final Launchable launchable;
  private final Map<List<Object>, Domains> memo = new HashMap<>();

  Spread(Cluster cluster, Launchable launchable) {
    this.cluster = cluster;
    this.launchable = launchable;
  }

  /** Counts per domain and the minimum over the eligible domains, for one pod's constraint. */
  record Domains(Map<String, Integer> counts, Set<String> eligible, int min) {}

  List<String> check() {
    List<String> out = new ArrayList<>();
    for (Pod p : cluster.placed()) {
      NodeView n = cluster.location.get(p.id());
      for (TopologySpread s : p.topologySpread()) {
        if (!s.hard()) {
          continue;
        }
        String domain = n.label(s.topologyKey());
        if (domain == null) {
          out.add(
              p.id()
                  + " spreads over "
                  + s.topologyKey()
                  + " but "
                  + n.name
                  + " has no such label");
          continue;
        }
        Domains d = domains(p, s);
        int here = d.counts().getOrDefault(domain, 0);
        if (here - d.min() > s.maxSkew()) {
          out.add(
              p.id()
                  + " on "
                  + n.name
                  + ": "
                  + s.topologyKey()
                  + "="
                  + domain
                  + " holds "
                  + here
                  + " matching pods, min over eligible domains "
                  + d.eligible()
                  + " is "
                  + d.min()
                  + ", maxSkew "
                  + s.maxSkew()
                  + " (counts "
                  + d.counts()
                  + ")");
        }
      }
    }
    return out;
  }

  Domains domains(Pod p, TopologySpread s) {
    List<Object> key =
        List.of(p.id().namespace(), p.nodeAffinity(), p.tolerations(), cluster.architectures(p), s);
    return memo.computeIfAbsent(key, k -> compute(p, s));
  }

  private Domains compute(Pod p, TopologySpread s) {
    String key = s.topologyKey();
    Map<String, Integer> counts = new TreeMap<>();
    Set<String> eligible = new TreeSet<>();
    for (NodeView n : cluster.nodes) {
      String v = n.label(key);
      // Taints play no part (nodeTaintsPolicy Ignore), so none are passed.
      if (v == null || cluster.refusal(p, n.labels::get, List.of()).isPresent()) {
        continue;
      }
      if (!n.cordoned) {
        eligible.add(v);
      }
      for (Pod q : n.pods()) {
        if (q.id().namespace().equals(p.id().namespace())
            && Selectors.selects(s.selector(), q.labels())) {
          counts.merge(v, 1, Integer::sum);
        }
      }
    }
    boolean launchable = false;
    for (NodePool pool : cluster.pools.values()) {
      for (Launchable.Candidate c : this.launchable.admitting(pool, p)) {
        launchable = true;
        String v = c.label(key);
        if (v != null) {
          eligible.add(v);
        }
      }
    }
    int min = eligible.stream().mapToInt(v -> counts.getOrDefault(v, 0)).min().orElse(0);
    if (KarpenterLabels.HOSTNAME.equals(key) && launchable) {
      min = 0;
    }
    if (s.minDomains() != null && eligible.size() < s.minDomains()) {
      min = 0;
    }
    return new Domains(counts, eligible, min);
  }
}
