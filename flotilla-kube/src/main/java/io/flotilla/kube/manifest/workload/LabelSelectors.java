package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.RequirementParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Pod label selectors (spread constraints, pod affinity): matchLabels and matchExpressions. */
final class LabelSelectors {
  private LabelSelectors() {}

  static LabelSelector convert(FieldPath at, io.fabric8.kubernetes.api.model.LabelSelector s) {
    Map<String, String> labels = new TreeMap<>();
    if (s.getMatchLabels() != null) {
      s.getMatchLabels()
          .forEach(
              (k, v) -> {
                if (v == null) {
                  throw new FieldError(at.child("matchLabels").child(k), "missing value");
                }
                labels.put(k, v);
              });
    }
    List<Requirement> expressions = new ArrayList<>();
    List<LabelSelectorRequirement> list = s.getMatchExpressions();
    for (int i = 0; list != null && i < list.size(); i++) {
      FieldPath e = at.child("matchExpressions").index(i);
      LabelSelectorRequirement r = list.get(i);
      Requirement req =
          RequirementParser.parse(e, r.getKey(), r.getOperator(), r.getValues(), null);
      if (req.operator() == Operator.GT || req.operator() == Operator.LT) {
        throw new FieldError(e.child("operator"), "Gt and Lt are not allowed in a label selector");
      }
      expressions.add(req);
    }
    return new LabelSelector(labels, expressions);
  }

  /**
   * Adds the pod's own values of {@code keys} (matchLabelKeys: In, mismatchLabelKeys: NotIn); keys
   * the pod does not carry are ignored, as Kubernetes does.
   */
  static LabelSelector withOwnValues(
      LabelSelector selector, List<String> keys, Map<String, String> podLabels, boolean match) {
    if (keys == null || keys.isEmpty()) {
      return selector;
    }
    List<Requirement> expressions = new ArrayList<>(selector.matchExpressions());
    for (String key : keys) {
      String value = podLabels.get(key);
      if (value != null) {
        Operator op = match ? Operator.IN : Operator.NOT_IN;
        expressions.add(new Requirement(key, op, Set.of(value), null));
      }
    }
    return new LabelSelector(selector.matchLabels(), expressions);
  }
}
