package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.RequirementParser;
import io.flotilla.kube.manifest.values.WellKnownValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod's node constraints: the nodeSelector is ANDed into every required term (or is the only
 * term); preferred terms keep their weights (1..100). {@code matchFields} on {@code metadata.name}
 * becomes a requirement on the {@code kubernetes.io/hostname} label, which names the node on EKS.
 */
final class NodeAffinities {
  private NodeAffinities() {}

  static NodeAffinity convert(FieldPath spec, PodSpec s, Warnings warnings) {
    Requirements selector = nodeSelector(spec.child("nodeSelector"), s.getNodeSelector());
    var na = s.getAffinity() == null ? null : s.getAffinity().getNodeAffinity();
    FieldPath naAt = spec.child("affinity").child("nodeAffinity");
    List<Requirements> required = new ArrayList<>();
    var hard = na == null ? null : na.getRequiredDuringSchedulingIgnoredDuringExecution();
    if (hard != null) {
      FieldPath termsAt =
          naAt.child("requiredDuringSchedulingIgnoredDuringExecution").child("nodeSelectorTerms");
      List<NodeSelectorTerm> terms = hard.getNodeSelectorTerms();
      for (int i = 0; terms != null && i < terms.size(); i++) {
        Requirements term = term(termsAt.index(i), terms.get(i));
        if (term.isEmpty()) {
          warnings.warn(termsAt.index(i), "an empty node selector term matches no node; ignored");
        } else {
          required.add(selector.and(term));
        }
      }
      if (required.isEmpty()) {
        throw new FieldError(termsAt, "no usable node selector term: the pod matches no node");
      }
    } else if (!selector.isEmpty()) {
      required.add(selector);
    }
    return new NodeAffinity(required, preferred(naAt, na));
  }

  private static List<NodeAffinity.Preference> preferred(
      FieldPath naAt, io.fabric8.kubernetes.api.model.NodeAffinity na) {
    List<NodeAffinity.Preference> result = new ArrayList<>();
    List<PreferredSchedulingTerm> soft =
        na == null ? null : na.getPreferredDuringSchedulingIgnoredDuringExecution();
    FieldPath at = naAt.child("preferredDuringSchedulingIgnoredDuringExecution");
    for (int i = 0; soft != null && i < soft.size(); i++) {
      PreferredSchedulingTerm p = soft.get(i);
      int weight = p.getWeight() == null ? 0 : p.getWeight();
      if (weight < 1 || weight > 100) {
        throw new FieldError(at.index(i).child("weight"), "must be 1..100, got " + weight);
      }
      Requirements term =
          p.getPreference() == null
              ? Requirements.NONE
              : term(at.index(i).child("preference"), p.getPreference());
      if (!term.isEmpty()) {
        result.add(new NodeAffinity.Preference(weight, term));
      }
    }
    return result;
  }

  private static Requirements nodeSelector(FieldPath at, Map<String, String> selector) {
    if (selector == null || selector.isEmpty()) {
      return Requirements.NONE;
    }
    Map<String, String> sorted = new TreeMap<>(selector);
    sorted.forEach(
        (k, v) -> {
          if (v == null) {
            throw new FieldError(at.child(k), "missing value");
          }
        });
    WellKnownValues.checkLabels(at, sorted);
    return Requirements.fromLabels(sorted);
  }

  static Requirements term(FieldPath at, NodeSelectorTerm term) {
    List<Requirement> list = new ArrayList<>();
    List<NodeSelectorRequirement> exprs = term.getMatchExpressions();
    for (int i = 0; exprs != null && i < exprs.size(); i++) {
      NodeSelectorRequirement r = exprs.get(i);
      FieldPath e = at.child("matchExpressions").index(i);
      list.add(RequirementParser.parse(e, r.getKey(), r.getOperator(), r.getValues(), null));
    }
    List<NodeSelectorRequirement> fields = term.getMatchFields();
    for (int i = 0; fields != null && i < fields.size(); i++) {
      NodeSelectorRequirement r = fields.get(i);
      FieldPath f = at.child("matchFields").index(i);
      if (!"metadata.name".equals(r.getKey())) {
        throw new FieldError(
            f.child("key"), "only metadata.name is supported, got '" + r.getKey() + "'");
      }
      list.add(
          RequirementParser.parse(
              f, WellKnownLabels.HOSTNAME, r.getOperator(), r.getValues(), null));
    }
    return new Requirements(list);
  }
}
