package io.flotilla.kube.manifest.karpenter;

import io.flotilla.core.label.Requirement;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.RequirementParser;
import java.util.ArrayList;
import java.util.List;

/** A Karpenter requirement: a node selector requirement with an optional minValues. */
public record RequirementSpec(String key, String operator, List<String> values, Integer minValues) {

  static List<Requirement> convertAll(FieldPath at, List<RequirementSpec> specs) {
    List<Requirement> result = new ArrayList<>();
    for (int i = 0; specs != null && i < specs.size(); i++) {
      RequirementSpec r = specs.get(i);
      result.add(
          RequirementParser.parse(at.index(i), r.key(), r.operator(), r.values(), r.minValues()));
    }
    return result;
  }
}
