package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integer program of {@link ExactPacker}: how many nodes of each pattern, every active pod
 * covered, the pools' remainders respected, least cost. Builds the rows ({@link IntegerCover}
 * solves them) and is kept apart from the packer because the pool rows need their own bookkeeping.
 */
final class PatternProgram {
  /** How far the integer search may go, and the value it must beat. */
  record Search(long maxNodes, double toBeat) {}

  private final List<Shape> shapes;
  private final SolvedCovers covers;

  /**
   * @param shapes the shapes the patterns name by position
   * @param covers where programs already solved are answered from
   */
  PatternProgram(List<Shape> shapes, SolvedCovers covers) {
    this.shapes = shapes;
    this.covers = covers;
  }

  /**
   * The integer program: nodes per pattern, every active pod covered, the pools' remainders
   * respected, least cost. Empty unless the search proves its answer optimal.
   */
  Optional<long[]> solve(
      List<NodePattern> patterns,
      long[] remaining,
      BitSet active,
      PoolBudget budget,
      Search search) {
    double[] cost = new double[patterns.size()];
    double[] upper = new double[patterns.size()];
    Map<Integer, List<Integer>> coverIndex = new LinkedHashMap<>();
    Map<Integer, List<Double>> coverValue = new LinkedHashMap<>();
    for (int c = active.nextSetBit(0); c >= 0; c = active.nextSetBit(c + 1)) {
      coverIndex.put(c, new ArrayList<>());
      coverValue.put(c, new ArrayList<>());
    }
    for (int j = 0; j < patterns.size(); j++) {
      NodePattern p = patterns.get(j);
      Shape shape = shapes.get(p.shape());
      long most = 0;
      for (int i = 0; i < p.classIds().length; i++) {
        long c = p.counts()[i];
        most = Math.max(most, (remaining[p.classIds()[i]] + c - 1) / c);
      }
      // Among equally cheap packings, the one with fewer nodes (less DaemonSet overhead).
      cost[j] = shape.price() + ExactPacker.PER_NODE_NUDGE;
      upper[j] = Math.min(most, budget.allowance(shape));
      for (int i = 0; i < p.classIds().length; i++) {
        coverIndex.get(p.classIds()[i]).add(j);
        coverValue.get(p.classIds()[i]).add((double) -p.counts()[i]);
      }
    }
    List<IntegerCover.Row> rows = new ArrayList<>();
    for (int c : coverIndex.keySet()) {
      if (coverIndex.get(c).isEmpty()) {
        return Optional.empty(); // a pod no pattern holds: not every pod can be covered
      }
      // Covering as "<=": minus the pods of the class on the nodes is at most minus the pods.
      rows.add(row(coverIndex.get(c), coverValue.get(c), -remaining[c]));
    }
    rows.addAll(poolRows(patterns, budget));
    return covers.solve(cost, upper, rows, search.maxNodes(), search.toBeat());
  }

  private static IntegerCover.Row row(List<Integer> index, List<Double> value, double bound) {
    return new IntegerCover.Row(
        index.stream().mapToInt(Integer::intValue).toArray(),
        value.stream().mapToDouble(Double::doubleValue).toArray(),
        bound);
  }

  /** One row per limited pool resource and per node cap, over the patterns of its shapes. */
  private List<IntegerCover.Row> poolRows(List<NodePattern> patterns, PoolBudget budget) {
    // Pools in the order the patterns name them, never in identity hash order.
    Map<NodePool, PoolRemainder> pools = new IdentityHashMap<>();
    List<PoolRemainder> ordered = new ArrayList<>();
    for (NodePattern p : patterns) {
      Shape s = shapes.get(p.shape());
      if (!pools.containsKey(s.pool())) {
        PoolRemainder left = PoolRemainder.read(budget, s);
        pools.put(s.pool(), left);
        ordered.add(left);
      }
    }
    List<IntegerCover.Row> rows = new ArrayList<>();
    for (PoolRemainder left : ordered) {
      if (!left.limited()) {
        continue;
      }
      List<Integer> mine = new ArrayList<>();
      for (int j = 0; j < patterns.size(); j++) {
        if (shapes.get(patterns.get(j).shape()).pool() == left.pool()) {
          mine.add(j);
        }
      }
      for (int l = 0; l < left.names().size(); l++) {
        List<Double> counted = new ArrayList<>();
        for (int j : mine) {
          counted.add(
              (double)
                  PoolBudget.counted(shapes.get(patterns.get(j).shape()), left.names().get(l)));
        }
        rows.add(row(mine, counted, left.amounts()[l]));
      }
      if (left.nodes() != BoundProblem.UNLIMITED) {
        rows.add(row(mine, mine.stream().map(j -> 1.0).toList(), left.nodes()));
      }
    }
    return rows;
  }
}
