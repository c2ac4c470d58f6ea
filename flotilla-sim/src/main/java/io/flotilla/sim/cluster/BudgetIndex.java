package io.flotilla.sim.cluster;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pods each PodDisruptionBudget covers and how many of them are healthy (bound, not
 * terminating), kept up to date as pods come and go, so a budget check costs O(1) instead of a scan
 * of every pod.
 */
final class BudgetIndex {
  private final List<DisruptionBudget> budgets;
  private final List<Map<PodId, Pod>> covered = new ArrayList<>();
  private final int[] healthy;
  private final Set<Integer> violatedNow = new LinkedHashSet<>();

  BudgetIndex(List<DisruptionBudget> budgets) {
    this.budgets = List.copyOf(budgets);
    for (int i = 0; i < this.budgets.size(); i++) {
      covered.add(new LinkedHashMap<>());
    }
    this.healthy = new int[this.budgets.size()];
  }

  List<DisruptionBudget> budgets() {
    return budgets;
  }

  /** The indexes of the budgets covering the pod (its namespace and labels never change). */
  int[] covering(Pod pod) {
    int[] hits = new int[budgets.size()];
    int n = 0;
    for (int i = 0; i < budgets.size(); i++) {
      if (budgets.get(i).covers(pod)) {
        hits[n++] = i;
      }
    }
    return Arrays.copyOf(hits, n);
  }

  void put(int[] which, Pod pod) {
    for (int b : which) {
      covered.get(b).put(pod.id(), pod);
    }
  }

  void remove(int[] which, PodId id) {
    for (int b : which) {
      covered.get(b).remove(id);
    }
  }

  void healthy(int[] which, int delta) {
    for (int b : which) {
      healthy[b] += delta;
    }
  }

  /** How many more pods each budget lets go now, in list order. */
  int[] disruptionsAllowed() {
    int[] out = new int[budgets.size()];
    for (int b = 0; b < out.length; b++) {
      out[b] = disruptionsAllowed(b);
    }
    return out;
  }

  /** How many more of budget {@code b}'s pods may be evicted now. */
  int disruptionsAllowed(int b) {
    return budgets.get(b).disruptionsAllowed(covered.get(b).values(), healthy[b]);
  }

  /** Fewer healthy pods than the budget requires (allowing one more would still allow none). */
  boolean violated(int b) {
    Map<PodId, Pod> pods = covered.get(b);
    return !pods.isEmpty() && budgets.get(b).disruptionsAllowed(pods.values(), healthy[b] + 1) == 0;
  }

  /**
   * The budgets among {@code covering} that a disruption just left violated and were not already,
   * by name (each violation is reported once, until the budget recovers).
   */
  List<String> newlyViolated(int[] covering) {
    List<String> out = new ArrayList<>();
    for (int b : covering) {
      if (violated(b) && violatedNow.add(b)) {
        out.add(name(b));
      }
    }
    return out;
  }

  /** Budgets that recovered may be reported again when violated next. */
  void recovered() {
    violatedNow.removeIf(b -> !violated(b));
  }

  String name(int b) {
    return budgets.get(b).namespace() + "/" + budgets.get(b).name();
  }
}
