package io.flotilla.control.drain;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.cluster.Cluster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a drain needs to know of the cluster: every pod (bound ones carry their node), the pods
 * being evicted now, and the disruption budgets.
 *
 * <p>A pass reads one view and asks it about many nodes and budgets, so the view indexes its pods
 * once: by node, and (when a budget question is first asked) which budgets cover each pod and how
 * many disruptions each budget allows. A view read from a {@link Cluster} asks it instead where it
 * can: the pods on a node, and each budget's allowed disruptions (a PodDisruptionBudget's status),
 * so a pass need not go through every pod. Immutable; equal to another view with the same pods,
 * terminating pods and budgets.
 */
public final class ClusterPods {
  private final List<Pod> pods;
  private final Set<PodId> terminating;
  private final List<DisruptionBudget> budgets;
  // The cluster the view was read from, or null: asked for pods by node and budgets' allowances.
  private final Cluster source;
  private Map<String, List<Pod>> evictableByNode;
  private Coverage coverage;

  public ClusterPods(List<Pod> pods, Set<PodId> terminating, List<DisruptionBudget> budgets) {
    this(pods, terminating, budgets, null);
  }

  private ClusterPods(
      List<Pod> pods, Set<PodId> terminating, List<DisruptionBudget> budgets, Cluster source) {
    this.pods = List.copyOf(pods);
    this.terminating = Set.copyOf(terminating);
    this.budgets = List.copyOf(budgets);
    this.source = source;
  }

  /**
   * The cluster as it is now. The view asks the cluster for pods by node and budgets' allowances,
   * so it must be used before the cluster changes (within one pass's decisions).
   */
  public static ClusterPods of(Cluster cluster) {
    return new ClusterPods(
        cluster.pods(), cluster.terminating(), cluster.disruptionBudgets(), cluster);
  }

  public List<Pod> pods() {
    return pods;
  }

  public Set<PodId> terminating() {
    return terminating;
  }

  public List<DisruptionBudget> budgets() {
    return budgets;
  }

  /** The pods of {@code node} a drain evicts: all but DaemonSet pods, which stay until it goes. */
  public List<Pod> evictableOn(String node) {
    if (source != null) {
      List<Pod> out = new ArrayList<>();
      for (Pod p : source.podsOn(node)) {
        if (!p.owner().startsWith("DaemonSet/")) {
          out.add(p);
        }
      }
      return List.copyOf(out);
    }
    if (evictableByNode == null) {
      evictableByNode = new HashMap<>();
      for (Pod p : pods) {
        if (p.nodeName() != null && !p.owner().startsWith("DaemonSet/")) {
          evictableByNode.computeIfAbsent(p.nodeName(), n -> new ArrayList<>()).add(p);
        }
      }
    }
    List<Pod> on = evictableByNode.get(node);
    return on == null ? List.of() : List.copyOf(on);
  }

  /** Which budgets cover each pod, and what each allows now; worked out once per view. */
  Coverage coverage() {
    if (coverage == null) {
      coverage = new Coverage(this);
    }
    return coverage;
  }

  /**
   * The budgets as the disruption controller counts them. Budgets equal to each other share one
   * count (a slot), as they share one entry of a map keyed by budget.
   */
  static final class Coverage {
    private static final int[] NONE = new int[0];

    /** Per budget (in list order), its slot. */
    final int[] slotOf;

    /** Per slot, the disruptions it allows now. */
    final int[] allowed;

    private final List<DisruptionBudget> budgets;
    // Whether a budget covers a pod depends on its namespace and labels only, and the pods of one
    // workload share their labels' map: worked out once per namespace and map.
    private final Map<String, Map<Map<String, String>, int[]>> covering = new HashMap<>();
    private final Candidates candidates;

    Coverage(ClusterPods view) {
      this.budgets = view.budgets;
      this.candidates = new Candidates(budgets);
      slotOf = new int[budgets.size()];
      Map<DisruptionBudget, Integer> slots = new HashMap<>();
      for (int b = 0; b < budgets.size(); b++) {
        Integer s = slots.putIfAbsent(budgets.get(b), slots.size());
        slotOf[b] = s == null ? slots.size() - 1 : s;
      }
      allowed = new int[slots.size()];
      int[] kept = view.source == null ? null : view.source.disruptionsAllowed();
      if (kept != null) {
        // Equal budgets allow the same: any of them fills the shared slot.
        for (int b = 0; b < budgets.size(); b++) {
          allowed[slotOf[b]] = kept[b];
        }
        return;
      }
      List<List<Pod>> covered = new ArrayList<>();
      int[] healthy = new int[budgets.size()];
      budgets.forEach(b -> covered.add(new ArrayList<>()));
      for (Pod p : view.pods) {
        int[] mine = covering(p);
        for (int b : mine) {
          covered.get(b).add(p);
          if (p.bound() && !view.terminating.contains(p.id())) {
            healthy[b]++;
          }
        }
      }
      // A later equal budget overwrote an earlier one's entry with the same count.
      for (int b = 0; b < budgets.size(); b++) {
        allowed[slotOf[b]] = budgets.get(b).disruptionsAllowed(covered.get(b), healthy[b]);
      }
    }

    /** The budgets (indexes in list order) covering the pod. */
    int[] covering(Pod pod) {
      return covering
          .computeIfAbsent(pod.id().namespace(), n -> new IdentityHashMap<>())
          .computeIfAbsent(pod.labels(), l -> budgetsCovering(pod));
    }

    private int[] budgetsCovering(Pod pod) {
      int[] maybe = candidates.of(pod);
      int[] out = new int[maybe.length];
      int n = 0;
      for (int b : maybe) {
        if (budgets.get(b).covers(pod)) {
          out[n++] = b;
        }
      }
      return n == 0 ? NONE : n == out.length ? out : Arrays.copyOf(out, n);
    }
  }

  /**
   * The budgets that may cover a pod, in list order: those of its namespace whose matchLabels
   * include one of its labels (each budget filed under one of its matchLabels), and those of its
   * namespace without matchLabels. A superset of the covering budgets (the caller checks each), so
   * a pod is checked against a few budgets, not all.
   */
  private static final class Candidates {
    private static final int[] NONE = new int[0];
    private final Map<String, Map<String, Map<String, int[]>>> byLabel = new HashMap<>();
    private final Map<String, int[]> unfiled = new HashMap<>();

    Candidates(List<DisruptionBudget> budgets) {
      for (int b = 0; b < budgets.size(); b++) {
        DisruptionBudget budget = budgets.get(b);
        Map<String, String> match = budget.selector().matchLabels();
        if (match.isEmpty()) {
          unfiled.merge(budget.namespace(), new int[] {b}, Candidates::concat);
          continue;
        }
        // Any one of its labels will do: a covered pod carries them all.
        String key = new TreeMap<>(match).firstKey();
        byLabel
            .computeIfAbsent(budget.namespace(), n -> new HashMap<>())
            .computeIfAbsent(key, k -> new HashMap<>())
            .merge(match.get(key), new int[] {b}, Candidates::concat);
      }
    }

    /** The candidates in ascending order (arrays may be shared: read only). */
    int[] of(Pod pod) {
      String namespace = pod.id().namespace();
      int[] found = unfiled.getOrDefault(namespace, NONE);
      Map<String, Map<String, int[]>> filed = byLabel.get(namespace);
      if (filed == null) {
        return found;
      }
      boolean merged = false;
      for (Map.Entry<String, String> label : pod.labels().entrySet()) {
        Map<String, int[]> byValue = filed.get(label.getKey());
        int[] hit = byValue == null ? null : byValue.get(label.getValue());
        if (hit != null) {
          merged |= found.length > 0;
          found = concat(found, hit);
        }
      }
      if (merged) {
        // Each budget is filed once, so the parts are disjoint: sorting restores list order (the
        // merged array is a fresh one).
        Arrays.sort(found);
      }
      return found;
    }

    private static int[] concat(int[] a, int[] b) {
      if (a.length == 0) {
        return b;
      }
      int[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterPods c
        && c.pods.equals(pods)
        && c.terminating.equals(terminating)
        && c.budgets.equals(budgets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pods, terminating, budgets);
  }

  @Override
  public String toString() {
    return "ClusterPods[pods="
        + pods
        + ", terminating="
        + terminating
        + ", budgets="
        + budgets
        + "]";
  }
}
