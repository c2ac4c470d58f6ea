package io.flotilla.core.pod;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import java.util.List;
import java.util.Map;

/** A Kubernetes label selector: matchLabels and matchExpressions, all of which must hold. */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
  public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    matchExpressions = List.copyOf(matchExpressions);
  }

  public boolean matches(Map<String, String> labels) {
    return Requirements.fromLabels(matchLabels).matches(labels)
        && new Requirements(matchExpressions).matches(labels);
  }
}
