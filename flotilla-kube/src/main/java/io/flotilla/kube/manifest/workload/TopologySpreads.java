package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * topologySpreadConstraints: DoNotSchedule is hard, ScheduleAnyway soft; {@code matchLabelKeys}
 * adds the pod's own values of those keys to the selector. A constraint without a selector counts
 * no pod in Kubernetes, so it is dropped with a warning.
 */
final class TopologySpreads {
  private TopologySpreads() {}

  static List<TopologySpread> convert(
      FieldPath at,
      List<TopologySpreadConstraint> list,
      Map<String, String> podLabels,
      Warnings w) {
    List<TopologySpread> result = new ArrayList<>();
    for (int i = 0; list != null && i < list.size(); i++) {
      TopologySpread spread = convert(at.index(i), list.get(i), podLabels, w);
      if (spread != null) {
        result.add(spread);
      }
    }
    return result;
  }

  private static TopologySpread convert(
      FieldPath at, TopologySpreadConstraint c, Map<String, String> podLabels, Warnings w) {
    if (c.getTopologyKey() == null || c.getTopologyKey().isBlank()) {
      throw new FieldError(at.child("topologyKey"), "missing");
    }
    if (c.getMaxSkew() == null) {
      throw new FieldError(at.child("maxSkew"), "missing");
    }
    if (c.getMaxSkew() < 1) {
      throw new FieldError(at.child("maxSkew"), "must be at least 1, got " + c.getMaxSkew());
    }
    boolean hard = hard(at.child("whenUnsatisfiable"), c.getWhenUnsatisfiable());
    Integer minDomains = c.getMinDomains();
    if (minDomains != null && (minDomains < 1 || !hard)) {
      throw new FieldError(
          at.child("minDomains"), "must be at least 1 and needs whenUnsatisfiable DoNotSchedule");
    }
    boolean noKeys = c.getMatchLabelKeys() == null || c.getMatchLabelKeys().isEmpty();
    if (c.getLabelSelector() == null && noKeys) {
      w.warn(at, "no labelSelector: the constraint counts no pod; ignored");
      return null;
    }
    LabelSelector selector =
        c.getLabelSelector() == null
            ? LabelSelector.EVERYTHING
            : LabelSelectors.convert(at.child("labelSelector"), c.getLabelSelector());
    selector = LabelSelectors.withOwnValues(selector, c.getMatchLabelKeys(), podLabels, true);
    warnPolicy(at.child("nodeAffinityPolicy"), c.getNodeAffinityPolicy(), "Honor", w);
    warnPolicy(at.child("nodeTaintsPolicy"), c.getNodeTaintsPolicy(), "Ignore", w);
    return new TopologySpread(c.getTopologyKey(), c.getMaxSkew(), hard, selector, minDomains);
  }

  private static boolean hard(FieldPath at, String when) {
    if (when == null || when.isBlank()) {
      throw new FieldError(at, "missing (expected DoNotSchedule or ScheduleAnyway)");
    }
    return switch (when) {
      case "DoNotSchedule" -> true;
      case "ScheduleAnyway" -> false;
      default ->
          throw new FieldError(
              at,
              "unknown whenUnsatisfiable '"
                  + when
                  + "' (expected DoNotSchedule or ScheduleAnyway)");
    };
  }

  private static void warnPolicy(FieldPath at, String value, String standard, Warnings w) {
    if (value == null || value.equals(standard)) {
      return;
    }
    if (!value.equals("Honor") && !value.equals("Ignore")) {
      throw new FieldError(at, "unknown policy '" + value + "' (expected Honor or Ignore)");
    }
    w.warn(at, "'" + value + "' is not modelled; the planner uses " + standard);
  }
}
