package io.flotilla.core.plan;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps hard topology spread true after packing. Quotas assume every domain takes its share; when
 * one cannot (no room, limits reached), the scheduler would refuse pods elsewhere beyond maxSkew,
 * so those pods are taken back off their nodes and reported, rather than planned where they would
 * stay pending.
 */
final class SkewGuard {
  private SkewGuard() {}

  static Plan enforce(
      Plan plan,
      List<SpreadQuotas.Spread> spreads,
      Map<PodId, Pod> pods,
      Map<String, Map<String, String>> existingLabels,
      List<Pod> bound) {
    if (spreads.isEmpty()) {
      return plan;
    }
    Map<PodId, PlannedNode> nodeOf = new HashMap<>();
    for (PlannedNode n : plan.nodes()) {
      n.pods().forEach(p -> nodeOf.put(p, n));
    }
    Map<PodId, String> removed = new TreeMap<>();
    for (SpreadQuotas.Spread s : spreads) {
      String key = s.constraint().topologyKey();
      Map<String, List<PodId>> movable = new TreeMap<>();
      Map<String, Integer> counts = new TreeMap<>();
      s.domains().forEach(d -> counts.put(d, 0));
      for (Pod p : bound) {
        Map<String, String> labels = existingLabels.get(p.nodeName());
        if (labels != null && matches(s, p) && labels.containsKey(key)) {
          counts.merge(labels.get(key), 1, Integer::sum);
        }
      }
      nodeOf.forEach(
          (id, n) -> {
            Pod p = pods.get(id);
            String d = n.labels().get(key);
            if (d != null && matches(s, p) && !removed.containsKey(id)) {
              counts.merge(d, 1, Integer::sum);
              if (s.constrained().contains(id)) {
                movable.computeIfAbsent(d, x -> new ArrayList<>()).add(id);
              }
            }
          });
      // Pods on new nodes go back first (taken from the end), those on existing nodes last.
      movable
          .values()
          .forEach(
              l ->
                  l.sort(
                      java.util.Comparator.comparing((PodId id) -> !nodeOf.get(id).existing())
                          .thenComparing(id -> id)));
      while (true) {
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        String fullest = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
          if (e.getValue() - min > s.constraint().maxSkew()
              && !movable.getOrDefault(e.getKey(), List.of()).isEmpty()
              && (fullest == null || e.getValue() > counts.get(fullest))) {
            fullest = e.getKey();
          }
        }
        if (fullest == null) {
          break;
        }
        List<PodId> candidates = movable.get(fullest);
        PodId victim = candidates.remove(candidates.size() - 1);
        counts.merge(fullest, -1, Integer::sum);
        removed.put(
            victim,
            "topology spread on "
                + key
                + ": other domains could not take their share, so "
                + fullest
                + " may hold no more (maxSkew "
                + s.constraint().maxSkew()
                + ")");
      }
    }
    if (removed.isEmpty()) {
      return plan;
    }
    return Withdrawal.without(plan, removed, pods);
  }

  private static boolean matches(SpreadQuotas.Spread s, Pod p) {
    return p.id().namespace().equals(s.namespace())
        && s.constraint().selector().matches(p.labels());
  }
}
