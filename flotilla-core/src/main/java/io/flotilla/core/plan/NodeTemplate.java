package io.flotilla.core.plan;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels a node will carry: a base map shared by all offerings of one type in one pool, plus
 * the offering's zone and capacity type (null for existing nodes, whose base map is complete).
 * {@code open} holds the pool's requirements on custom keys that have no value yet; a pod may still
 * pin them.
 */
record NodeTemplate(Map<String, String> base, String zone, String capacityType, Requirements open) {

  static NodeTemplate of(Map<String, String> labels) {
    return new NodeTemplate(labels, null, null, Requirements.NONE);
  }

  String get(String key) {
    if (zone != null && WellKnownLabels.ZONE.equals(key)) {
      return zone;
    }
    if (capacityType != null && WellKnownLabels.CAPACITY_TYPE.equals(key)) {
      return capacityType;
    }
    return base.get(key);
  }

  /** All labels as one map, for output. */
  Map<String, String> labels() {
    Map<String, String> all = new TreeMap<>(base);
    if (zone != null) {
      all.put(WellKnownLabels.ZONE, zone);
    }
    if (capacityType != null) {
      all.put(WellKnownLabels.CAPACITY_TYPE, capacityType);
    }
    return all;
  }

  boolean matches(Requirements term) {
    for (Requirement r : term.list()) {
      if (!matches(r)) {
        return false;
      }
    }
    return true;
  }

  boolean matches(Requirement r) {
    String value = get(r.key());
    if (value != null || !open.constrains(r.key())) {
      return r.matches(value);
    }
    return open.compatibleWith(Requirements.of(r));
  }

  /** True when at least one of the terms matches (no terms: anything matches). */
  boolean matchesAny(List<Requirements> terms) {
    if (terms.isEmpty()) {
      return true;
    }
    for (Requirements t : terms) {
      if (matches(t)) {
        return true;
      }
    }
    return false;
  }
}
