package io.flotilla.kube.manifest.workload;

import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Toleration;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import java.util.ArrayList;
import java.util.List;

/** Pod tolerations: operator Equal (the default) or Exists; an empty effect matches all. */
final class Tolerations {
  private Tolerations() {}

  static List<Toleration> convert(
      FieldPath at, List<io.fabric8.kubernetes.api.model.Toleration> list) {
    List<Toleration> result = new ArrayList<>();
    for (int i = 0; list != null && i < list.size(); i++) {
      result.add(convert(at.index(i), list.get(i)));
    }
    return result;
  }

  private static Toleration convert(FieldPath at, io.fabric8.kubernetes.api.model.Toleration t) {
    String op = t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
    boolean exists;
    switch (op) {
      case "Equal" -> exists = false;
      case "Exists" -> exists = true;
      default ->
          throw new FieldError(
              at.child("operator"), "unknown operator '" + op + "' (expected Equal or Exists)");
    }
    if (exists && t.getValue() != null && !t.getValue().isEmpty()) {
      throw new FieldError(at.child("value"), "must be empty when the operator is Exists");
    }
    String effect = t.getEffect();
    Effect e =
        effect == null || effect.isEmpty()
            ? null
            : FieldError.guard(at.child("effect"), () -> Effect.parse(effect));
    return FieldError.guard(
        at.child("operator"), () -> new Toleration(t.getKey(), exists, t.getValue(), e));
  }
}
