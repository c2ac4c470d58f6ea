package io.flotilla.core.label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A conjunction of requirements: one node selector term, or the requirements of a node pool. */
public record Requirements(List<Requirement> list) {
  public static final Requirements NONE = new Requirements(List.of());

  public Requirements {
    list = List.copyOf(list);
  }

  public static Requirements of(Requirement... requirements) {
    return new Requirements(List.of(requirements));
  }

  /** Requirements pinning each label to its value, as nodeSelector does. */
  public static Requirements fromLabels(Map<String, String> labels) {
    List<Requirement> list = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> list.add(Requirement.in(k, v)));
    return new Requirements(list);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public Requirements and(Requirements other) {
    List<Requirement> all = new ArrayList<>(list);
    all.addAll(other.list);
    return new Requirements(all);
  }

  /** Do concrete node labels satisfy every requirement? */
  public boolean matches(Map<String, String> labels) {
    for (Requirement r : list) {
      if (!r.matches(labels.get(r.key()))) {
        return false;
      }
    }
    return true;
  }

  /** The first requirement the labels violate, for explaining why a pod does not fit. */
  public Optional<Requirement> firstViolated(Map<String, String> labels) {
    return list.stream().filter(r -> !r.matches(labels.get(r.key()))).findFirst();
  }

  /**
   * Can one node satisfy both sets (Karpenter's compatibility)? A key only one side names is
   * unconstrained on the other.
   */
  public boolean compatibleWith(Requirements other) {
    Map<String, ValueSet> mine = byKey();
    Map<String, ValueSet> theirs = other.byKey();
    for (Map.Entry<String, ValueSet> e : mine.entrySet()) {
      ValueSet o = theirs.get(e.getKey());
      if (o != null && !e.getValue().intersect(o).satisfiable()) {
        return false;
      }
    }
    return true;
  }

  /** Requirements that pin a single value, as labels a node launched under them would carry. */
  public Map<String, String> pinnedLabels() {
    Map<String, String> labels = new TreeMap<>();
    byKey()
        .forEach(
            (k, set) -> {
              String v = set.single();
              if (v != null) {
                labels.put(k, v);
              }
            });
    return Collections.unmodifiableMap(labels);
  }

  /** Does the value (null: absent) of key satisfy every requirement on that key? */
  public boolean allows(String key, String value) {
    for (Requirement r : list) {
      if (r.key().equals(key) && !r.matches(value)) {
        return false;
      }
    }
    return true;
  }

  public boolean constrains(String key) {
    return list.stream().anyMatch(r -> r.key().equals(key));
  }

  private Map<String, ValueSet> byKey() {
    Map<String, ValueSet> sets = new TreeMap<>();
    for (Requirement r : list) {
      sets.merge(r.key(), ValueSet.of(r), ValueSet::intersect);
    }
    return sets;
  }

  @Override
  public String toString() {
    return list.toString();
  }
}
