package io.flotilla.core.plan;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps required pod affinity true after packing. Pins assume the pods a term selects land in the
 * chosen domain; when those pods end up unschedulable (no room, limits, their own constraints), the
 * pods that follow them would stay pending, so they are taken back off their nodes and reported.
 *
 * <p>kube-scheduler's rule: a pod may bind where, for every term, a pod matching all its terms
 * already runs in the node's domain of the term's key; the first pod of a group whose terms select
 * itself may bind anywhere while no pod matches them. The plan is kept if some binding order lets
 * every placed pod bind: bound pods and pods without affinity first, then each pod once another
 * supports it, a group's first pod when nothing supports its group yet.
 */
final class AffinityGuard {
  private AffinityGuard() {}

  /** A pod and the labels of the node it is on. */
  private record Placed(Pod pod, Map<String, String> labels) {}

  static Plan enforce(
      Plan plan,
      Map<PodId, Pod> pods,
      Map<String, Map<String, String>> existingLabels,
      List<Pod> bound) {
    List<Placed> waiting = new ArrayList<>();
    List<Placed> supporters = new ArrayList<>();
    for (Pod p : bound) {
      Map<String, String> labels = existingLabels.get(p.nodeName());
      if (labels != null) {
        supporters.add(new Placed(p, labels));
      }
    }
    for (PlannedNode n : plan.nodes()) {
      for (PodId id : n.pods()) {
        Pod p = pods.get(id);
        (p.affinity().isEmpty() ? supporters : waiting).add(new Placed(p, n.labels()));
      }
    }
    if (waiting.isEmpty()) {
      return plan;
    }
    waiting.sort(Comparator.comparing((Placed w) -> w.pod().id()));
    while (!waiting.isEmpty()) {
      if (admitSupported(waiting, supporters)) {
        continue;
      }
      Placed first = firstOfGroup(waiting, supporters);
      if (first == null) {
        break;
      }
      waiting.remove(first);
      supporters.add(first);
    }
    if (waiting.isEmpty()) {
      return plan;
    }
    Map<PodId, String> removed = new TreeMap<>();
    for (Placed w : waiting) {
      removed.put(
          w.pod().id(),
          "required pod affinity on "
              + w.pod().affinity().stream().map(PodAffinityTerm::topologyKey).distinct().toList()
              + ": no pod it selects ended up in its domain");
    }
    return Withdrawal.without(plan, removed, pods);
  }

  /** Moves every waiting pod some supporter now supports; true when any moved. */
  private static boolean admitSupported(List<Placed> waiting, List<Placed> supporters) {
    boolean any = false;
    for (int i = 0; i < waiting.size(); i++) {
      Placed w = waiting.get(i);
      if (supported(w, supporters)) {
        supporters.add(w);
        waiting.remove(i--);
        any = true;
      }
    }
    return any;
  }

  private static boolean supported(Placed w, List<Placed> supporters) {
    List<PodAffinityTerm> terms = w.pod().affinity();
    for (PodAffinityTerm t : terms) {
      String domain = w.labels().get(t.topologyKey());
      if (domain == null) {
        return false;
      }
      boolean found = false;
      for (Placed s : supporters) {
        if (domain.equals(s.labels().get(t.topologyKey())) && matchesAll(terms, w.pod(), s.pod())) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * The waiting pod that may bind first for its group (its terms select itself, nothing placed
   * matches them) and would let the most others bind after it; null when there is none.
   */
  private static Placed firstOfGroup(List<Placed> waiting, List<Placed> supporters) {
    Placed best = null;
    int bestFollowers = -1;
    for (Placed w : waiting) {
      List<PodAffinityTerm> terms = w.pod().affinity();
      boolean keys = terms.stream().allMatch(t -> w.labels().containsKey(t.topologyKey()));
      if (!keys
          || !matchesAll(terms, w.pod(), w.pod())
          || supporters.stream().anyMatch(s -> matchesAll(terms, w.pod(), s.pod()))) {
        continue;
      }
      List<Placed> with = new ArrayList<>(supporters);
      with.add(w);
      int followers = 0;
      for (Placed o : waiting) {
        if (o != w && supported(o, with)) {
          followers++;
        }
      }
      if (followers > bestFollowers) {
        best = w;
        bestFollowers = followers;
      }
    }
    return best;
  }

  private static boolean matchesAll(List<PodAffinityTerm> terms, Pod owner, Pod other) {
    String ns = owner.id().namespace();
    return terms.stream().allMatch(t -> t.selects(other, ns));
  }
}
