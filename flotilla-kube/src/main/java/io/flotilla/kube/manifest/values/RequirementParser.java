package io.flotilla.kube.manifest.values;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One node selector requirement (pod node affinity, Karpenter requirements) checked field by field:
 * key, operator, values (well-known labels take only known values; Gt/Lt one integer) and
 * minValues.
 */
public final class RequirementParser {
  private RequirementParser() {}

  public static Requirement parse(
      FieldPath at, String key, String operator, List<String> values, Integer minValues) {
    if (key == null || key.isBlank()) {
      throw new FieldError(at.child("key"), "missing");
    }
    if (operator == null || operator.isBlank()) {
      throw new FieldError(at.child("operator"), "missing");
    }
    Operator op = FieldError.guard(at.child("operator"), () -> Operator.parse(operator));
    List<String> list = values == null ? List.of() : values;
    if (op == Operator.NOT_IN && list.isEmpty()) {
      throw new FieldError(at.child("values"), "operator NotIn needs values");
    }
    if (op == Operator.IN || op == Operator.NOT_IN) {
      WellKnownValues.checkAll(at.child("values"), key, list);
    }
    if (minValues != null) {
      checkMinValues(at.child("minValues"), op, list, minValues);
    }
    Set<String> set = new TreeSet<>(list);
    return FieldError.guard(at.child("values"), () -> new Requirement(key, op, set, minValues));
  }

  private static void checkMinValues(FieldPath at, Operator op, List<String> values, int min) {
    if (min < 1) {
      throw new FieldError(at, "must be at least 1, got " + min);
    }
    if (op == Operator.IN && min > new TreeSet<>(values).size()) {
      throw new FieldError(
          at, "minValues " + min + " exceeds the " + values.size() + " values listed");
    }
  }
}
