package io.flotilla.kube.manifest.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.Quantities;
import io.flotilla.kube.manifest.values.TaintParser;
import io.flotilla.kube.manifest.values.WellKnownValues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Fields every Karpenter pool has: weight, limits, labels, taints. */
final class PoolFields {
  private static final Set<String> PLAIN_RESOURCES =
      Set.of("cpu", "memory", "pods", "ephemeral-storage");

  private PoolFields() {}

  /** Higher is tried first; absent is 0; Karpenter accepts 1..100. */
  static int weight(FieldPath at, Integer weight) {
    if (weight == null) {
      return 0;
    }
    if (weight < 1 || weight > 100) {
      throw new FieldError(at, "must be 1..100, got " + weight);
    }
    return weight;
  }

  static Resources limits(FieldPath at, Map<String, JsonNode> limits, Warnings w) {
    Resources result = Quantities.fromNodes(at, limits);
    for (String name : result.names()) {
      if (!name.contains("/")
          && !name.startsWith("hugepages-")
          && !PLAIN_RESOURCES.contains(name)) {
        w.warn(
            at.child(name),
            "'"
                + name
                + "' is not a resource nodes report (a GPU is e.g."
                + " nvidia.com/gpu): this limit never binds");
      }
    }
    return result;
  }

  static Map<String, String> labels(FieldPath at, Map<String, String> labels) {
    Map<String, String> result = new TreeMap<>();
    if (labels != null) {
      labels.forEach(
          (k, v) -> {
            if (v == null) {
              throw new FieldError(at.child(k), "missing value");
            }
            result.put(k, v);
          });
    }
    WellKnownValues.checkLabels(at, result);
    return result;
  }

  static List<Taint> taints(FieldPath at, List<io.fabric8.kubernetes.api.model.Taint> taints) {
    return TaintParser.parseAll(at, taints);
  }
}
