package io.flotilla.core.pod;

import io.flotilla.core.label.Requirement;
import java.util.List;
import java.util.Map;

/** A Kubernetes label selector: matchLabels and matchExpressions, all of which must hold. */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
  public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    matchExpressions = List.copyOf(matchExpressions);
  }

  /**
   * Whether the labels satisfy the selector: each matchLabels entry as an In requirement of its one
   * value, each expression as itself (checked in place, without building requirements per call:
   * budgets are matched against every pod on every pass).
   */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : matchExpressions) {
      if (!r.matches(labels.get(r.key()))) {
        return false;
      }
    }
    return true;
  }
}
