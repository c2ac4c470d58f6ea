package io.flotilla.core.label;

import java.util.List;
import java.util.Map;

/**
 * A pod's node constraints: required terms (any one must hold; each term is a conjunction that
 * already includes the pod's nodeSelector) and weighted preferences.
 */
public record NodeAffinity(List<Requirements> requiredTerms, List<Preference> preferred) {
  public static final NodeAffinity NONE = new NodeAffinity(List.of(), List.of());

  public NodeAffinity {
    requiredTerms = List.copyOf(requiredTerms);
    preferred = List.copyOf(preferred);
  }

  /** A weighted preferred term (preferredDuringSchedulingIgnoredDuringExecution). */
  public record Preference(int weight, Requirements term) {}

  /** True when the concrete labels satisfy at least one required term (or there are none). */
  public boolean matches(Map<String, String> labels) {
    if (requiredTerms.isEmpty()) {
      return true;
    }
    for (Requirements term : requiredTerms) {
      if (term.matches(labels)) {
        return true;
      }
    }
    return false;
  }

  /** The summed weight of the preferences the labels satisfy. */
  public int preferenceScore(Map<String, String> labels) {
    int score = 0;
    for (Preference p : preferred) {
      if (p.term().matches(labels)) {
        score += p.weight();
      }
    }
    return score;
  }
}
