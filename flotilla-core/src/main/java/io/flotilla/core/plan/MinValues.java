package io.flotilla.core.plan;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Karpenter's {@code minValues}: a NodeClaim's requirements, the pool's AND its pods', must leave
 * at least N distinct values of a key among the instance types that could still be launched for it.
 * Under the Strict policy (the default) a class may use a shape only if the pool's types its own
 * requirements admit, and that are at least as large as the shape (so they still hold a full node),
 * span N values of every such key. Under BestEffort the floors are relaxed, as Karpenter's {@code
 * minValuesPolicy: BestEffort} does.
 */
final class MinValues {
  private final PlanOptions.MinValuesPolicy policy;
  private final Candidates candidates;
  private final Map<List<Object>, Boolean> memo = new HashMap<>();
  // The floors of each pool, computed once: flexible() is asked for every class and shape.
  private final Map<NodePool, List<Requirement>> floorsByPool = new IdentityHashMap<>();

  MinValues(PlanOptions.MinValuesPolicy policy, Candidates candidates) {
    this.policy = policy;
    this.candidates = candidates;
  }

  static List<Requirement> floors(NodePool pool) {
    return pool.requirements().list().stream().filter(r -> r.minValues() != null).toList();
  }

  /** Do the floors apply to this shape at all? When not, every class is flexible on it. */
  boolean hasFloors(Shape s) {
    return policy != PlanOptions.MinValuesPolicy.BEST_EFFORT
        && !floorsByPool.computeIfAbsent(s.pool(), MinValues::floors).isEmpty();
  }

  /** May the class use this shape and still leave the pool's floors of alternatives? */
  boolean flexible(PodClass c, Shape s) {
    if (!hasFloors(s)) {
      return true;
    }
    List<Object> key =
        List.of(
            c.terms(),
            c.template().tolerations(),
            c.template().architectures(),
            c.domain(),
            c.template().hostPorts(),
            s.id());
    return memo.computeIfAbsent(key, k -> check(c, s));
  }

  private boolean check(PodClass c, Shape s) {
    List<TypeGroup> groups = groups(c, s.pool());
    long[] size = size(s.allocatable());
    for (Requirement floor : floors(s.pool())) {
      Set<String> values = new TreeSet<>();
      for (TypeGroup g : groups) {
        String v = g.baseLabels().get(floor.key());
        if (v != null && holds(size(g.allocatable()), size)) {
          values.add(v);
        }
      }
      if (values.size() < floor.minValues()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Do a claim's instance-type options still span the pool's floors? Karpenter keeps a pod off a
   * NodeClaim whose options it would cut below them.
   */
  boolean kept(NodePool pool, List<TypeGroup> options) {
    if (policy == PlanOptions.MinValuesPolicy.BEST_EFFORT) {
      return true;
    }
    for (Requirement floor : floors(pool)) {
      Set<String> values = new TreeSet<>();
      for (TypeGroup g : options) {
        String v = g.baseLabels().get(floor.key());
        if (v != null) {
          values.add(v);
        }
      }
      if (values.size() < floor.minValues()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Why the pool's floors leave the class no node, or null when they do not: the first key whose
   * values, over all the pool's types the class's requirements admit, number fewer than its floor.
   */
  String whyNot(PodClass c, NodePool pool) {
    if (policy == PlanOptions.MinValuesPolicy.BEST_EFFORT) {
      return null;
    }
    List<TypeGroup> groups = groups(c, pool);
    for (Requirement floor : floors(pool)) {
      Set<String> values = new TreeSet<>();
      groups.forEach(
          g -> {
            String v = g.baseLabels().get(floor.key());
            if (v != null) {
              values.add(v);
            }
          });
      if (values.size() < floor.minValues()) {
        return "pool "
            + pool.name()
            + " requires minValues "
            + floor.minValues()
            + " of "
            + floor.key()
            + " but the pod's requirements leave "
            + values.size()
            + (values.isEmpty() ? "" : " " + values)
            + " (minValuesPolicy Strict)";
      }
    }
    return null;
  }

  private List<TypeGroup> groups(PodClass c, NodePool pool) {
    List<TypeGroup> out = new ArrayList<>();
    for (Candidates.Allowed a : candidates.raw(c, c.terms())) {
      if (a.group().pool() == pool) {
        out.add(a.group());
      }
    }
    return out;
  }

  private static long[] size(Resources allocatable) {
    return new long[] {
      allocatable.get(ResourceNames.CPU),
      allocatable.get(ResourceNames.MEMORY),
      allocatable.get(ResourceNames.PODS),
      allocatable.get(ResourceNames.NVIDIA_GPU) + allocatable.get(ResourceNames.AMD_GPU)
    };
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
