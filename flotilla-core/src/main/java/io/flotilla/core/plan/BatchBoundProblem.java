package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link BoundProblem} of a batch of pods and the shapes that may take them, in the packers'
 * terms (classes by id, shapes with the classes each may hold, co-location rules, pool budget).
 *
 * <p>A class's per-node cap is what the co-location rules allow on an empty node (its own
 * anti-affinity or host ports, and its hostname-spread groups); caps shared between classes and
 * conflicts between classes are left out, which only loosens the bound.
 */
final class BatchBoundProblem {
  private final List<PodClass> classes;
  private final List<Shape> shapes;
  private final BitSet[] compatible;
  private final Colocation colocation;
  private final int dims;

  /**
   * @param compatible per shape (by position in {@code shapes}), the classes that may use it
   */
  BatchBoundProblem(
      List<PodClass> classes,
      List<Shape> shapes,
      BitSet[] compatible,
      Colocation colocation,
      int dims) {
    this.classes = classes;
    this.shapes = shapes;
    this.compatible = compatible;
    this.colocation = colocation;
    this.dims = dims;
  }

  /** The problem of placing {@code pods} (per class id) on new nodes within the budget. */
  BoundProblem of(long[] pods, PoolBudget budget) {
    Map<NodePool, Integer> poolIndex = new IdentityHashMap<>();
    List<PoolRemainder> remainders = new ArrayList<>();
    List<BoundProblem.Option> options = new ArrayList<>();
    for (Shape s : shapes) {
      Integer p = poolIndex.get(s.pool());
      if (p == null) {
        PoolRemainder left = PoolRemainder.read(budget, s);
        p = left.limited() ? remainders.size() : BoundProblem.NO_POOL;
        if (left.limited()) {
          remainders.add(left);
        }
        poolIndex.put(s.pool(), p);
      }
      long[] counts = p == BoundProblem.NO_POOL ? new long[0] : remainders.get(p).counts(s);
      options.add(
          new BoundProblem.Option(
              s.name(), s.free(), s.price(), BoundProblem.UNLIMITED, p, counts));
    }
    List<BoundProblem.Demand> demands = new ArrayList<>();
    int[] none = new int[0];
    for (PodClass c : classes) {
      if (pods[c.id()] == 0) {
        continue;
      }
      List<Integer> usable = new ArrayList<>();
      for (int s = 0; s < shapes.size(); s++) {
        if (compatible[s].get(c.id())) {
          usable.add(s);
        }
      }
      long cap =
          colocation.active()
              ? colocation.room(
                  c.id(),
                  new int[classes.size()],
                  new int[colocation.groupCount()],
                  new BitSet(),
                  null)
              : Long.MAX_VALUE;
      demands.add(
          new BoundProblem.Demand(
              c.request(),
              pods[c.id()],
              cap == Long.MAX_VALUE ? BoundProblem.UNLIMITED : Math.max(1, cap),
              usable.isEmpty() ? none : usable.stream().mapToInt(Integer::intValue).toArray()));
    }
    List<BoundProblem.Pool> pools = new ArrayList<>();
    for (PoolRemainder left : remainders) {
      pools.add(
          new BoundProblem.Pool(left.pool().name(), left.names(), left.amounts(), left.nodes()));
    }
    return new BoundProblem(dims, demands, options, pools);
  }
}
