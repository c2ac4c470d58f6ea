package io.flotilla.core.plan;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Karpenter's {@code minValues}: a NodeClaim's requirements, the pool's AND its pods', must leave
 * at least N distinct values of a key among the instance types that could still be launched for it,
 * that is, that hold the claim's pods. Under the Strict policy (the default) a shape of a pool with
 * floors gets a room (its envelope) that enough of the pool's types hold, N values of every floored
 * key: the whole shape when such types hold all of it, else less ({@link #floorSafe}); a node
 * filled within it keeps the floors whatever pods it holds. A class may use the shape only if the
 * pool's types its own requirements admit and that hold the envelope span N values of every such
 * key. Under BestEffort the floors are relaxed, as Karpenter's {@code minValuesPolicy: BestEffort}
 * does.
 */
final class MinValues {
  private final PlanOptions.MinValuesPolicy policy;
  private final Candidates candidates;
  private final Map<List<Object>, Boolean> memo = new HashMap<>();
  // Shapes as the floors let them be filled, by the shape they cut (identity), and the envelope of
  // each cut shape by its id.
  private final Map<Shape, Shape> floorSafe = new IdentityHashMap<>();
  private final Map<Integer, long[]> envelopes = new HashMap<>();
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

  /**
   * The shape as the floors let it be filled (Strict, a pool with floors): itself when, for every
   * floored key, N values have a type holding all of it; otherwise a copy whose room stops at an
   * envelope that N values' types hold (for each key, the N values whose largest type comes closest
   * to the shape, in its scarcest resource); itself when the pool has fewer values than N (no class
   * will be flexible on it).
   */
  Shape floorSafe(Shape s, ShapeFactory factory) {
    if (!hasFloors(s)) {
      return s;
    }
    return floorSafe.computeIfAbsent(s, x -> cut(x, factory));
  }

  private Shape cut(Shape s, ShapeFactory factory) {
    long[] target = size(s.allocatable());
    long[] envelope = target.clone();
    for (Requirement floor : floors(s.pool())) {
      // Per value of the key, its type that comes closest to holding the whole shape.
      Map<String, Double> closest = new HashMap<>();
      Map<String, long[]> sizeOf = new HashMap<>();
      for (TypeGroup g : candidates.groups()) {
        String v = g.baseLabels().get(floor.key());
        if (g.pool() != s.pool() || v == null) {
          continue;
        }
        long[] size = size(g.allocatable());
        double ratio = closeness(size, target);
        if (ratio > closest.getOrDefault(v, -1.0)) {
          closest.put(v, ratio);
          sizeOf.put(v, size);
        }
      }
      if (closest.size() < floor.minValues()) {
        return s;
      }
      List<String> values = new ArrayList<>(closest.keySet());
      values.sort(
          (a, b) ->
              Double.compare(closest.get(b), closest.get(a)) != 0
                  ? Double.compare(closest.get(b), closest.get(a))
                  : a.compareTo(b));
      for (String v : values.subList(0, floor.minValues())) {
        long[] size = sizeOf.get(v);
        for (int d = 0; d < envelope.length; d++) {
          envelope[d] = Math.min(envelope[d], size[d]);
        }
      }
    }
    // GPUs are not cut: the types counted must hold all of the shape's.
    envelope[3] = target[3];
    if (Arrays.equals(envelope, target)) {
      return s;
    }
    Shape cut =
        factory.capped(
            s,
            Resources.of(
                Map.of(
                    ResourceNames.CPU, envelope[0],
                    ResourceNames.MEMORY, envelope[1],
                    ResourceNames.PODS, envelope[2])));
    envelopes.put(cut.id(), envelope);
    return cut;
  }

  /** How much of the target the size holds, in its scarcest resource (1: all of it). */
  private static double closeness(long[] size, long[] target) {
    double ratio = 1;
    for (int d = 0; d < target.length; d++) {
      if (target[d] > 0) {
        ratio = Math.min(ratio, (double) size[d] / target[d]);
      }
    }
    return ratio;
  }

  private boolean check(PodClass c, Shape s) {
    List<TypeGroup> groups = groups(c, s.pool());
    long[] size = envelopes.getOrDefault(s.id(), size(s.allocatable()));
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
