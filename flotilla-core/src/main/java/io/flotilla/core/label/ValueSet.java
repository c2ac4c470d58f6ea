package io.flotilla.core.label;

import java.util.Set;
import java.util.TreeSet;

/**
 * The values a label key may take under a set of requirements, Karpenter style: a finite set or the
 * complement of one, optionally bounded by Gt/Lt, and whether the label may be absent.
 */
record ValueSet(
    boolean complement, Set<String> values, Long greaterThan, Long lessThan, boolean absentOk) {

  static final ValueSet ANY = new ValueSet(true, Set.of(), null, null, true);

  static ValueSet of(Requirement r) {
    return switch (r.operator()) {
      case IN -> new ValueSet(false, r.values(), null, null, false);
      case NOT_IN -> new ValueSet(true, r.values(), null, null, true);
      case EXISTS -> new ValueSet(true, Set.of(), null, null, false);
      case DOES_NOT_EXIST -> new ValueSet(false, Set.of(), null, null, true);
      case GT -> new ValueSet(true, Set.of(), r.bound(), null, false);
      case LT -> new ValueSet(true, Set.of(), null, r.bound(), false);
    };
  }

  boolean allows(String value) {
    if (value == null) {
      return absentOk;
    }
    if (greaterThan != null || lessThan != null) {
      if (!value.matches("-?\\d{1,18}")) {
        return false;
      }
      long v = Long.parseLong(value);
      if ((greaterThan != null && v <= greaterThan) || (lessThan != null && v >= lessThan)) {
        return false;
      }
    }
    return complement != values.contains(value);
  }

  ValueSet intersect(ValueSet other) {
    Long gt = max(greaterThan, other.greaterThan);
    Long lt = min(lessThan, other.lessThan);
    boolean absent = absentOk && other.absentOk;
    if (complement && other.complement) {
      Set<String> union = new TreeSet<>(values);
      union.addAll(other.values);
      return new ValueSet(true, union, gt, lt, absent);
    }
    Set<String> finite = new TreeSet<>();
    ValueSet bounded = new ValueSet(true, Set.of(), gt, lt, false);
    for (String v : complement ? other.values : values) {
      if (allows(v) && other.allows(v) && bounded.allows(v)) {
        finite.add(v);
      }
    }
    return new ValueSet(false, finite, null, null, absent);
  }

  /** Some node can satisfy it: it has a value, or the label may simply be absent. */
  boolean satisfiable() {
    if (absentOk) {
      return true;
    }
    if (!complement) {
      return !values.isEmpty();
    }
    return greaterThan == null || lessThan == null || lessThan - greaterThan > 1;
  }

  /** The single value a node must carry, when the set pins exactly one. */
  String single() {
    return !complement && values.size() == 1 && !absentOk ? values.iterator().next() : null;
  }

  private static Long max(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
  }

  private static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
  }
}
