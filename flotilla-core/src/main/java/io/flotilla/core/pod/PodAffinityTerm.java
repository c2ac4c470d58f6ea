package io.flotilla.core.pod;

import java.util.Objects;
import java.util.Set;

/**
 * A required pod (anti-)affinity term: pods matching the selector, in the given namespaces (empty:
 * the pod's own), within the same topology domain.
 */
public record PodAffinityTerm(LabelSelector selector, String topologyKey, Set<String> namespaces) {
  public PodAffinityTerm {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(topologyKey, "topologyKey");
    namespaces = Set.copyOf(namespaces);
  }

  /** Does the term select that pod, seen from a pod in {@code ownNamespace}? */
  public boolean selects(Pod other, String ownNamespace) {
    boolean inNamespace =
        namespaces.isEmpty()
            ? other.id().namespace().equals(ownNamespace)
            : namespaces.contains(other.id().namespace());
    return inNamespace && selector.matches(other.labels());
  }
}
