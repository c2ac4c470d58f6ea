package io.flotilla.core.plan;

import io.flotilla.core.label.NodeAffinity.Preference;
import io.flotilla.core.label.Requirements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Karpenter's treatment of preferences: preferred node affinity terms are first taken as required,
 * and dropped lowest weight first until some node can satisfy the pod.
 */
final class Relaxation {
  private Relaxation() {}

  static List<Requirements> relax(PodClass c, Predicate<List<Requirements>> feasible) {
    List<Preference> prefs = new ArrayList<>(c.template().nodeAffinity().preferred());
    if (prefs.isEmpty()) {
      return c.terms();
    }
    prefs.sort(Comparator.comparingInt(Preference::weight).reversed());
    List<Requirements> base = c.terms().isEmpty() ? List.of(Requirements.NONE) : c.terms();
    for (int keep = prefs.size(); keep > 0; keep--) {
      Requirements extra = Requirements.NONE;
      for (Preference p : prefs.subList(0, keep)) {
        extra = extra.and(p.term());
      }
      List<Requirements> terms = new ArrayList<>();
      for (Requirements t : base) {
        terms.add(t.and(extra));
      }
      if (feasible.test(terms)) {
        return terms;
      }
    }
    return c.terms();
  }
}
