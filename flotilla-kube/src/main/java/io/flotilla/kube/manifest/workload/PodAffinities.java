package io.flotilla.kube.manifest.workload;

import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Required pod affinity and anti-affinity terms. A namespaceSelector cannot be evaluated without
 * namespace labels: it is taken as "all namespaces" (every namespace in the input), with a warning
 * unless it is empty (which means exactly that).
 */
final class PodAffinities {
  private final Set<String> allNamespaces;

  PodAffinities(Set<String> allNamespaces) {
    this.allNamespaces = Set.copyOf(allNamespaces);
  }

  List<PodAffinityTerm> required(
      FieldPath at,
      List<io.fabric8.kubernetes.api.model.PodAffinityTerm> terms,
      Map<String, String> podLabels,
      Warnings w) {
    List<PodAffinityTerm> result = new ArrayList<>();
    for (int i = 0; terms != null && i < terms.size(); i++) {
      PodAffinityTerm term = convert(at.index(i), terms.get(i), podLabels, w);
      if (term != null) {
        result.add(term);
      }
    }
    return result;
  }

  private PodAffinityTerm convert(
      FieldPath at,
      io.fabric8.kubernetes.api.model.PodAffinityTerm t,
      Map<String, String> podLabels,
      Warnings w) {
    if (t.getTopologyKey() == null || t.getTopologyKey().isBlank()) {
      throw new FieldError(at.child("topologyKey"), "missing");
    }
    if (t.getLabelSelector() == null) {
      w.warn(at, "no labelSelector: the term selects no pod; ignored");
      return null;
    }
    LabelSelector selector =
        LabelSelectors.convert(at.child("labelSelector"), t.getLabelSelector());
    selector = LabelSelectors.withOwnValues(selector, t.getMatchLabelKeys(), podLabels, true);
    selector = LabelSelectors.withOwnValues(selector, t.getMismatchLabelKeys(), podLabels, false);
    Set<String> namespaces = new TreeSet<>();
    if (t.getNamespaces() != null) {
      namespaces.addAll(t.getNamespaces());
    }
    var nsSelector = t.getNamespaceSelector();
    if (nsSelector != null) {
      boolean empty =
          (nsSelector.getMatchLabels() == null || nsSelector.getMatchLabels().isEmpty())
              && (nsSelector.getMatchExpressions() == null
                  || nsSelector.getMatchExpressions().isEmpty());
      if (!empty) {
        w.warn(at.child("namespaceSelector"), "not evaluated; taken as all namespaces");
      }
      namespaces.addAll(allNamespaces);
    }
    return new PodAffinityTerm(selector, t.getTopologyKey(), namespaces);
  }
}
