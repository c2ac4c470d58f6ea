package io.flotilla.core.plan;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;

/**
 * Constraints the planner does not model yet. Pods carrying them are reported unschedulable with
 * that reason rather than placed in a way that might break the constraint.
 */
final class Unsupported {
  private Unsupported() {}

  static String reason(Pod pod) {
    if (!pod.affinity().isEmpty()) {
      PodAffinityTerm t = pod.affinity().get(0);
      return "required pod affinity (topology key "
          + t.topologyKey()
          + ") is not supported by the planner";
    }
    for (PodAffinityTerm t : pod.antiAffinity()) {
      if (!WellKnownLabels.HOSTNAME.equals(t.topologyKey())) {
        return "required pod anti-affinity on "
            + t.topologyKey()
            + " is not supported by the planner (only "
            + WellKnownLabels.HOSTNAME
            + ")";
      }
    }
    return null;
  }
}
