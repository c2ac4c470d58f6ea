package io.flotilla.core.plan;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.resource.ResourceNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Karpenter's {@code minValues}: a node must keep at least N distinct values of a key among the
 * instance types that could still be launched for it, or it cannot launch. A type is kept only if
 * the types at least as large (cpu, memory, pods, GPUs) span N values of every such key, so any
 * node packed onto it keeps its flexibility.
 */
final class MinValues {
  private MinValues() {}

  static List<TypeGroup> keepFlexible(List<TypeGroup> groups) {
    List<Requirement> floors =
        groups.isEmpty()
            ? List.of()
            : groups.get(0).pool().requirements().list().stream()
                .filter(r -> r.minValues() != null)
                .toList();
    if (floors.isEmpty()) {
      return groups;
    }
    long[][] size = new long[groups.size()][];
    for (int i = 0; i < size.length; i++) {
      var a = groups.get(i).allocatable();
      size[i] =
          new long[] {
            a.get(ResourceNames.CPU),
            a.get(ResourceNames.MEMORY),
            a.get(ResourceNames.PODS),
            a.get(ResourceNames.NVIDIA_GPU) + a.get(ResourceNames.AMD_GPU)
          };
    }
    List<TypeGroup> kept = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      if (flexible(i, groups, size, floors)) {
        kept.add(groups.get(i));
      }
    }
    return kept;
  }

  private static boolean flexible(
      int i, List<TypeGroup> groups, long[][] size, List<Requirement> floors) {
    for (Requirement floor : floors) {
      Set<String> values = new HashSet<>();
      for (int j = 0; j < groups.size() && values.size() < floor.minValues(); j++) {
        if (holds(size[j], size[i])) {
          String v = groups.get(j).baseLabels().get(floor.key());
          if (v != null) {
            values.add(v);
          }
        }
      }
      if (values.size() < floor.minValues()) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(long[] bigger, long[] smaller) {
    for (int d = 0; d < bigger.length; d++) {
      if (bigger[d] < smaller[d]) {
        return false;
      }
    }
    return true;
  }
}
