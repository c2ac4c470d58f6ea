package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.Resources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each pool may still launch: its limits less the capacity of its nodes (existing and
 * planned), and its node count cap. Karpenter compares limits with node capacity.
 */
final class PoolBudget {
  private final Map<String, Resources> left = new HashMap<>();
  private final Map<String, Integer> nodesLeft = new HashMap<>();

  PoolBudget(
      Iterable<NodePool> pools,
      Map<String, Resources> existingUsage,
      Map<String, Integer> existingNodes) {
    for (NodePool pool : pools) {
      left.put(
          pool.name(),
          pool.limits().minusFloored(existingUsage.getOrDefault(pool.name(), Resources.NONE)));
      if (pool.maxNodes() != null) {
        nodesLeft.put(
            pool.name(), Math.max(0, pool.maxNodes() - existingNodes.getOrDefault(pool.name(), 0)));
      }
    }
  }

  private PoolBudget(Map<String, Resources> left, Map<String, Integer> nodesLeft) {
    this.left.putAll(left);
    this.nodesLeft.putAll(nodesLeft);
  }

  PoolBudget copy() {
    return new PoolBudget(left, nodesLeft);
  }

  /** Takes over another budget's state (the round of packing that was kept). */
  void become(PoolBudget other) {
    left.clear();
    left.putAll(other.left);
    nodesLeft.clear();
    nodesLeft.putAll(other.nodesLeft);
  }

  /**
   * Could {@code count} nodes of {@code replacement} be launched in place of {@code count} nodes of
   * each released shape? The budget is left as it was.
   */
  boolean allowsSwap(List<Shape> released, long count, Shape replacement) {
    if (replacement.pool().limits().isEmpty() && replacement.pool().maxNodes() == null) {
      return true;
    }
    released.forEach(s -> refund(s, count));
    boolean allowed = allowance(replacement) >= count;
    released.forEach(s -> spend(s, count));
    return allowed;
  }

  /** Launches {@code count} nodes of {@code replacement} in place of each released shape's. */
  void swap(List<Shape> released, long count, Shape replacement) {
    released.forEach(s -> refund(s, count));
    spend(replacement, count);
  }

  /** Gives back what nodes of this shape had taken. */
  void refund(Shape shape, long nodes) {
    String pool = shape.pool().name();
    Map<String, Long> used = new HashMap<>();
    for (String name : shape.pool().limits().names()) {
      used.put(name, counted(shape, name) * nodes);
    }
    left.computeIfPresent(pool, (k, r) -> r.plus(Resources.of(used)));
    nodesLeft.computeIfPresent(pool, (k, n) -> (int) (n + nodes));
  }

  /** How many nodes of this shape the pool may still launch (Long.MAX_VALUE: unlimited). */
  long allowance(Shape shape) {
    String pool = shape.pool().name();
    long n = nodesLeft.containsKey(pool) ? nodesLeft.get(pool) : Long.MAX_VALUE;
    Resources limits = shape.pool().limits();
    Resources remaining = left.getOrDefault(pool, Resources.NONE);
    for (String name : limits.names()) {
      long per = counted(shape, name);
      if (per > 0) {
        n = Math.min(n, remaining.get(name) / per);
      }
    }
    return n;
  }

  void spend(Shape shape, long nodes) {
    String pool = shape.pool().name();
    Resources limits = shape.pool().limits();
    Map<String, Long> used = new HashMap<>();
    for (String name : limits.names()) {
      used.put(name, counted(shape, name) * nodes);
    }
    left.computeIfPresent(pool, (k, r) -> r.minusFloored(Resources.of(used)));
    nodesLeft.computeIfPresent(pool, (k, n) -> (int) Math.max(0, n - nodes));
  }

  /** What one node of the shape counts against a limit: its capacity of that resource. */
  static long counted(Shape shape, String limitName) {
    return shape.capacity().get(limitName);
  }

  /**
   * The share of the pool's remaining budget one node of the shape would use: its largest fraction
   * of any limit, or of the node count left. Zero for an unlimited pool.
   */
  double scarcity(Shape shape) {
    String pool = shape.pool().name();
    double share = 0;
    Integer nodes = nodesLeft.get(pool);
    if (nodes != null) {
      share = nodes == 0 ? Double.POSITIVE_INFINITY : 1.0 / nodes;
    }
    Resources remaining = left.getOrDefault(pool, Resources.NONE);
    for (String name : shape.pool().limits().names()) {
      long per = counted(shape, name);
      if (per > 0) {
        long have = remaining.get(name);
        share = Math.max(share, have == 0 ? Double.POSITIVE_INFINITY : (double) per / have);
      }
    }
    return share;
  }

  /**
   * Whether the pool's limits will bind: the pods that could use it need more of a limited resource
   * than is left (node counts always bind, they are small by nature).
   */
  boolean binding(NodePool pool, Map<String, Long> demand) {
    if (nodesLeft.containsKey(pool.name())) {
      return true;
    }
    Resources remaining = left.getOrDefault(pool.name(), Resources.NONE);
    for (String name : pool.limits().names()) {
      long need = demand.getOrDefault(name, 0L);
      if (need > remaining.get(name) * 0.9) {
        return true;
      }
    }
    return false;
  }

  /** Why a pool cannot launch this shape, for explanations. */
  String whyNot(Shape shape) {
    String pool = shape.pool().name();
    if (nodesLeft.containsKey(pool) && nodesLeft.get(pool) == 0) {
      return "node group " + pool + " is at its maximum size";
    }
    Resources remaining = left.getOrDefault(pool, Resources.NONE);
    for (String name : shape.pool().limits().names()) {
      long per = counted(shape, name);
      if (per > remaining.get(name)) {
        return "pool " + pool + " limit " + name + " reached (" + shape.pool().limits() + ")";
      }
    }
    return null;
  }
}
