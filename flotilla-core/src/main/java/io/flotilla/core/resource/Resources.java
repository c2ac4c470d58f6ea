package io.flotilla.core.resource;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongBinaryOperator;
import java.util.stream.Collectors;

/**
 * An immutable bag of resource amounts in canonical units (millicores for cpu, bytes for memory and
 * storage, whole units otherwise). Absent names are zero.
 */
public final class Resources {
  public static final Resources NONE = new Resources(new TreeMap<>());

  private final SortedMap<String, Long> amounts;

  private Resources(SortedMap<String, Long> amounts) {
    this.amounts = Collections.unmodifiableSortedMap(amounts);
  }

  /** Builds from canonical amounts; zero entries are dropped, negative ones rejected. */
  public static Resources of(Map<String, Long> amounts) {
    TreeMap<String, Long> copy = new TreeMap<>();
    amounts.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "resource name");
          if (value < 0) {
            throw new IllegalArgumentException("negative amount of " + name + ": " + value);
          }
          if (value != 0) {
            copy.put(name, value);
          }
        });
    return copy.isEmpty() ? NONE : new Resources(copy);
  }

  public static Resources of(String name, long value) {
    return of(Map.of(name, value));
  }

  /** Builds from Kubernetes quantity strings, e.g. {cpu: "250m", memory: "4Gi"}. */
  public static Resources parse(Map<String, String> quantities) {
    TreeMap<String, Long> amounts = new TreeMap<>();
    quantities.forEach((name, text) -> amounts.put(name, Quantity.canonical(name, text)));
    return of(amounts);
  }

  public long get(String name) {
    return amounts.getOrDefault(name, 0L);
  }

  public Set<String> names() {
    return amounts.keySet();
  }

  public Map<String, Long> asMap() {
    return amounts;
  }

  public boolean isEmpty() {
    return amounts.isEmpty();
  }

  public Resources plus(Resources other) {
    return combine(other, Long::sum);
  }

  /** Subtracts, flooring at zero: what is left of this after other. */
  public Resources minusFloored(Resources other) {
    return combine(other, (a, b) -> Math.max(0, a - b));
  }

  /** Per resource maximum. */
  public Resources max(Resources other) {
    return combine(other, Math::max);
  }

  public Resources times(long factor) {
    TreeMap<String, Long> result = new TreeMap<>();
    amounts.forEach((name, value) -> result.put(name, Math.multiplyExact(value, factor)));
    return of(result);
  }

  /** True when every amount here is at most the same amount in capacity. */
  public boolean fitsIn(Resources capacity) {
    for (Map.Entry<String, Long> e : amounts.entrySet()) {
      if (e.getValue() > capacity.get(e.getKey())) {
        return false;
      }
    }
    return true;
  }

  /** The names whose amounts exceed capacity. */
  public Set<String> exceeding(Resources capacity) {
    return amounts.entrySet().stream()
        .filter(e -> e.getValue() > capacity.get(e.getKey()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private Resources combine(Resources other, LongBinaryOperator op) {
    TreeMap<String, Long> result = new TreeMap<>(amounts);
    for (String name : other.amounts.keySet()) {
      result.putIfAbsent(name, 0L);
    }
    result.replaceAll((name, value) -> op.applyAsLong(value, other.get(name)));
    return of(result);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resources r && r.amounts.equals(amounts);
  }

  @Override
  public int hashCode() {
    return amounts.hashCode();
  }

  @Override
  public String toString() {
    return amounts.entrySet().stream()
        .map(e -> e.getKey() + "=" + Quantity.format(e.getKey(), e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
