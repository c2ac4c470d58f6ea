package io.flotilla.core.plan;

import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The resources a planning run compares, as fixed vector positions: cpu, memory and pods first,
 * then every other requested resource. Packing works on these long vectors, not on maps.
 */
final class Dimensions {
  private final List<String> names;

  Dimensions(Collection<String> requested) {
    List<String> order = new ArrayList<>(List.of(ResourceNames.CPU, ResourceNames.MEMORY));
    order.add(ResourceNames.PODS);
    for (String name : new TreeSet<>(requested)) {
      if (!order.contains(name)) {
        order.add(name);
      }
    }
    this.names = List.copyOf(order);
  }

  int size() {
    return names.size();
  }

  String name(int i) {
    return names.get(i);
  }

  int pods() {
    return 2;
  }

  /** The position of a resource, or -1 when this run does not compare it. */
  int indexOf(String name) {
    return names.indexOf(name);
  }

  long[] vector(Resources resources) {
    long[] v = new long[names.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = resources.get(names.get(i));
    }
    return v;
  }

  Resources resources(long[] vector) {
    java.util.Map<String, Long> map = new java.util.TreeMap<>();
    for (int i = 0; i < vector.length; i++) {
      map.put(names.get(i), vector[i]);
    }
    return Resources.of(map);
  }

  /** Does the requested vector fit in the free vector, in every dimension? */
  static boolean fits(long[] request, long[] free) {
    for (int i = 0; i < request.length; i++) {
      if (request[i] > free[i]) {
        return false;
      }
    }
    return true;
  }

  /** How many copies of request fit in free (a large number when request is all zero). */
  static long copiesThatFit(long[] request, long[] free) {
    long copies = Long.MAX_VALUE;
    for (int i = 0; i < request.length; i++) {
      if (request[i] > 0) {
        copies = Math.min(copies, free[i] / request[i]);
      }
    }
    return copies;
  }

  static void subtract(long[] from, long[] amount, long times) {
    for (int i = 0; i < from.length; i++) {
      from[i] -= amount[i] * times;
    }
  }
}
