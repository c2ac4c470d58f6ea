package io.flotilla.kube.manifest.eksctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.core.taint.Taint;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.TaintParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** eksctl taints: the map form {@code key: "value:Effect"} or a list of key/value/effect. */
final class EksctlTaints {
  private EksctlTaints() {}

  static List<Taint> parse(FieldPath at, JsonNode taints) {
    List<Taint> result = new ArrayList<>();
    if (taints == null || taints.isNull()) {
      return result;
    }
    if (taints.isObject()) {
      for (Map.Entry<String, JsonNode> e : taints.properties()) {
        String text = e.getValue().isNull() ? "" : e.getValue().asText();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
          throw new FieldError(
              at.child(e.getKey()), "expected \"value:Effect\", got '" + text + "'");
        }
        try {
          result.add(
              TaintParser.parse(
                  at, e.getKey(), text.substring(0, colon), text.substring(colon + 1)));
        } catch (FieldError bad) {
          throw new FieldError(at.child(e.getKey()), bad.problem());
        }
      }
    } else if (taints.isArray()) {
      for (int i = 0; i < taints.size(); i++) {
        JsonNode t = taints.get(i);
        result.add(
            TaintParser.parse(at.index(i), text(t, "key"), text(t, "value"), text(t, "effect")));
      }
    } else {
      throw new FieldError(at, "expected a mapping or a list of taints");
    }
    return result;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }
}
