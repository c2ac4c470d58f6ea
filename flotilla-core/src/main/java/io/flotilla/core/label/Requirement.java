package io.flotilla.core.label;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One node selector requirement: a key, an operator and its values, as written in a pod's node
 * affinity or a node pool. {@code minValues} is Karpenter's flexibility floor (null when unset).
 */
public record Requirement(String key, Operator operator, Set<String> values, Integer minValues) {

  public Requirement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    // Sorted, so whatever iterates the values (the first value a node gets) does not depend on
    // the JVM's salted order of Set.of.
    values = Collections.unmodifiableSet(new TreeSet<>(values == null ? Set.of() : values));
    switch (operator) {
      case IN, NOT_IN -> {
        if (operator == Operator.IN && values.isEmpty()) {
          throw new IllegalArgumentException("operator In on '" + key + "' needs values");
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          throw new IllegalArgumentException(
              "operator " + operator.apiName() + " on '" + key + "' takes no values");
        }
      }
      case GT, LT -> {
        if (values.size() != 1) {
          throw new IllegalArgumentException(
              "operator " + operator.apiName() + " on '" + key + "' takes exactly one value");
        }
        parseInteger(values.iterator().next(), key);
      }
    }
    if (minValues != null && minValues < 1) {
      throw new IllegalArgumentException("minValues on '" + key + "' must be at least 1");
    }
  }

  public static Requirement in(String key, String... values) {
    return new Requirement(key, Operator.IN, Set.of(values), null);
  }

  public static Requirement of(String key, Operator op, List<String> values) {
    return new Requirement(key, op, values == null ? Set.of() : new TreeSet<>(values), null);
  }

  /** Does a node whose label {@code key} has this value (null: absent) satisfy it? */
  public boolean matches(String value) {
    return switch (operator) {
      case IN -> value != null && values.contains(value);
      case NOT_IN -> value == null || !values.contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
      case GT -> value != null && isInteger(value) && Long.parseLong(value) > bound();
      case LT -> value != null && isInteger(value) && Long.parseLong(value) < bound();
    };
  }

  long bound() {
    return Long.parseLong(values.iterator().next());
  }

  private static boolean isInteger(String value) {
    return value.matches("-?\\d{1,18}");
  }

  private static long parseInteger(String value, String key) {
    if (!isInteger(value)) {
      throw new IllegalArgumentException(
          "Gt/Lt on '" + key + "' needs an integer value, got '" + value + "'");
    }
    return Long.parseLong(value);
  }

  @Override
  public String toString() {
    return switch (operator) {
      case EXISTS, DOES_NOT_EXIST -> key + " " + operator.apiName();
      default -> key + " " + operator.apiName() + " " + values;
    };
  }
}
