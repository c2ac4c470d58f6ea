package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Packs the pods of one pool tier onto new nodes. Each step fills one node of every candidate shape
 * from the remaining pods, keeps the pattern with the most value per dollar, and opens as many
 * identical nodes as the remaining pods fill completely. A pod class's value starts as its cost on
 * its best shape if perfectly packed, then is corrected from the costs the last packing actually
 * charged it (sequential value correction); the cheapest of the rounds wins.
 */
final class PatternPacker {
  /**
   * Rounds of sequential value correction for tiers of up to {@link #CORRECTED_PODS} pods; larger
   * tiers pack once with the initial values. On the standard generated mixes three rounds lower the
   * cost of 1,000-pod mixes by 0.0-0.7 % and of 10,000-pod mixes by under 0.1 % while tripling the
   * time, hence the threshold (see docs/planner.md).
   */
  static final int ROUNDS = 3;

  static final long CORRECTED_PODS = 2000;

  private final List<PodClass> classes;
  private final TierShapes tier;
  private final List<Shape> shapes;
  private final BitSet[] compatible;
  private final int[][] candidates;

  /** For each class, the shapes whose candidates it is among. */
  private final int[][] shapesOf;

  /** The shapes' rooms, and per room the classes some shape of it may hold, ascending. */
  private final Rooms rooms;

  private final int[][] roomCandidates;

  private final PatternFill fill;
  private final Colocation colocation;
  private final int dims;

  PatternPacker(List<PodClass> classes, TierShapes tier, Colocation colocation, int dims) {
    this.classes = classes;
    this.tier = tier;
    this.shapes = tier.shapes();
    this.compatible = tier.compatible();
    this.dims = dims;
    this.candidates = new int[shapes.size()][];
    for (int s = 0; s < shapes.size(); s++) {
      candidates[s] = compatible[s].stream().toArray();
    }
    this.rooms = Rooms.of(shapes);
    BitSet[] union = new BitSet[rooms.count()];
    for (int s = 0; s < shapes.size(); s++) {
      int r = rooms.of(s);
      if (union[r] == null) {
        union[r] = new BitSet();
      }
      union[r].or(compatible[s]);
    }
    this.roomCandidates = new int[union.length][];
    for (int r = 0; r < union.length; r++) {
      roomCandidates[r] = union[r].stream().toArray();
    }
    this.fill = new PatternFill(classes, colocation, dims);
    this.colocation = colocation;
    int[] sizes = new int[classes.size()];
    for (int[] members : candidates) {
      for (int c : members) {
        sizes[c]++;
      }
    }
    this.shapesOf = new int[classes.size()][];
    for (int c = 0; c < sizes.length; c++) {
      shapesOf[c] = new int[sizes[c]];
      sizes[c] = 0;
    }
    for (int s = 0; s < candidates.length; s++) {
      for (int c : candidates[s]) {
        shapesOf[c][sizes[c]++] = s;
      }
    }
  }

  /** Packs {@code remaining} (decremented in place by what was placed) within the budget. */
  List<NodeBatch> pack(long[] remaining, PoolBudget budget) {
    return pack(remaining, budget, new BitSet());
  }

  /**
   * Packs {@code remaining} within the budget. Where limits bind, classes in {@code fallback}
   * (which a later tier can still take) are worth little here, so the room goes to pods with
   * nowhere else to go.
   */
  List<NodeBatch> pack(long[] remaining, PoolBudget budget, BitSet fallback) {
    double[] values = initialValues();
    if (!fallback.isEmpty() && !bindingPools(remaining, budget).isEmpty()) {
      for (int c = fallback.nextSetBit(0); c >= 0; c = fallback.nextSetBit(c + 1)) {
        values[c] *= 0.01;
      }
    }
    List<NodeBatch> best = null;
    long[] bestRemaining = null;
    PoolBudget bestBudget = null;
    long pods = 0;
    for (long r : remaining) {
      pods += r;
    }
    int rounds = pods <= CORRECTED_PODS ? ROUNDS : 1;
    for (int round = 0; round < rounds; round++) {
      long[] left = remaining.clone();
      PoolBudget roundBudget = budget.copy();
      List<NodeBatch> batches = greedy(left, values, roundBudget);
      batches = Downsizing.apply(batches, tier, classes, dims, roundBudget);
      batches = TailMerging.apply(batches, tier, classes, colocation, dims, roundBudget);
      if (best == null || better(batches, left, best, bestRemaining)) {
        best = batches;
        bestRemaining = left;
        bestBudget = roundBudget;
      }
      if (round + 1 < rounds) {
        values = corrected(values, batches);
      }
    }
    System.arraycopy(bestRemaining, 0, remaining, 0, remaining.length);
    budget.become(bestBudget);
    return best;
  }

  /** Fewer pods left behind first, then lower cost. */
  private static boolean better(List<NodeBatch> a, long[] leftA, List<NodeBatch> b, long[] leftB) {
    long la = 0;
    long lb = 0;
    for (int i = 0; i < leftA.length; i++) {
      la += leftA[i];
      lb += leftB[i];
    }
    if (la != lb) {
      return la < lb;
    }
    return cost(a) < cost(b) - 1e-9;
  }

  static double cost(List<NodeBatch> batches) {
    double c = 0;
    for (NodeBatch b : batches) {
      c += b.cost();
    }
    return c;
  }

  private List<NodeBatch> greedy(long[] remaining, double[] values, PoolBudget budget) {
    List<NodeBatch> batches = new ArrayList<>();
    int n = shapes.size();
    PatternFill.Orders[] orders = new PatternFill.Orders[n];
    // Sorted once per room over the classes of all its shapes, then cut to each shape's classes.
    PatternFill.Orders[] roomOrders = new PatternFill.Orders[rooms.count()];
    for (int s = 0; s < n; s++) {
      int r = rooms.of(s);
      if (roomOrders[r] == null) {
        roomOrders[r] = fill.orders(rooms.free(r), live(roomCandidates[r], remaining), values);
      }
      orders[s] = PatternFill.restricted(roomOrders[r], compatible[s], tier.anchors()[s]);
    }
    // The last fill of each shape in each order: a refill starts where its pods ran short.
    PatternFill.Fill[] byDensity = new PatternFill.Fill[n];
    PatternFill.Fill[] bySize = new PatternFill.Fill[n];
    // Classes that ran out since a shape's orders were last rebuilt: a fill skips them, and once
    // they are half of the orders the orders are rebuilt without them (the same fills, shorter).
    int[] exhausted = new int[n];
    Pattern[] cached = new Pattern[n];
    java.util.Set<NodePool> binding = bindingPools(remaining, budget);
    while (true) {
      int bestShape = -1;
      double bestEfficiency = 0;
      for (int s = 0; s < n; s++) {
        Shape shape = shapes.get(s);
        if (cached[s] == Pattern.EMPTY || budget.allowance(shape) <= 0) {
          continue;
        }
        if (cached[s] == null) {
          if (2 * exhausted[s] > orders[s].byDensity().length) {
            orders[s] =
                new PatternFill.Orders(
                    live(orders[s].byDensity(), remaining), live(orders[s].bySize(), remaining));
            exhausted[s] = 0;
          }
          byDensity[s] = fill.fill(shape, orders[s].byDensity(), remaining, values, byDensity[s]);
          bySize[s] = fill.fill(shape, orders[s].bySize(), remaining, values, bySize[s]);
          cached[s] = PatternFill.best(byDensity[s], bySize[s], tier.anchors()[s]);
          if (cached[s].isEmpty()) {
            cached[s] = Pattern.EMPTY;
            continue;
          }
        }
        // Where a pool's limits bind, pods per unit of the limit matter more than per dollar.
        double efficiency =
            binding.contains(shape.pool())
                ? cached[s].value() / budget.scarcity(shape) / 1e3
                : cached[s].value() / Math.max(shape.price(), 1e-9);
        if (bestShape < 0
            || efficiency > bestEfficiency * (1 + 1e-9)
            || (efficiency >= bestEfficiency * (1 - 1e-9)
                && shape.price() < shapes.get(bestShape).price())) {
          bestShape = s;
          bestEfficiency = efficiency;
        }
      }
      if (bestShape < 0) {
        return batches;
      }
      Shape shape = shapes.get(bestShape);
      Pattern pattern = cached[bestShape];
      long reps = Math.max(1, Math.min(pattern.repetitions(remaining), budget.allowance(shape)));
      for (int i = 0; i < pattern.classIds().length; i++) {
        int c = pattern.classIds()[i];
        remaining[c] -= pattern.counts()[i] * reps;
        if (remaining[c] == 0) {
          for (int t : shapesOf[c]) {
            exhausted[t]++;
          }
        }
      }
      budget.spend(shape, reps);
      batches.add(new NodeBatch(shape, pattern.classIds(), pattern.counts(), reps));
      invalidate(cached, remaining);
    }
  }

  /** The classes of {@code ids} with pods left, in the same order. */
  private static int[] live(int[] ids, long[] remaining) {
    int[] out = new int[ids.length];
    int m = 0;
    for (int c : ids) {
      if (remaining[c] > 0) {
        out[m++] = c;
      }
    }
    return m == ids.length ? ids : java.util.Arrays.copyOf(out, m);
  }

  /**
   * A cached pattern stays right while every class in it still has as many pods left as it takes;
   * classes outside it only ran lower, which cannot add them to the fill.
   */
  private static void invalidate(Pattern[] cached, long[] remaining) {
    for (int s = 0; s < cached.length; s++) {
      Pattern p = cached[s];
      if (p == null || p == Pattern.EMPTY) {
        continue;
      }
      for (int i = 0; i < p.classIds().length; i++) {
        if (remaining[p.classIds()[i]] < p.counts()[i]) {
          cached[s] = null;
          break;
        }
      }
    }
  }

  /** Pools whose cpu or memory limits the pods that could use them would exceed. */
  private java.util.Set<NodePool> bindingPools(long[] remaining, PoolBudget budget) {
    java.util.Map<NodePool, BitSet> users = new java.util.LinkedHashMap<>();
    for (int s = 0; s < shapes.size(); s++) {
      NodePool pool = shapes.get(s).pool();
      if (!pool.limits().isEmpty() || pool.maxNodes() != null) {
        users.computeIfAbsent(pool, p -> new BitSet()).or(compatible[s]);
      }
    }
    java.util.Set<NodePool> binding = new java.util.HashSet<>();
    users.forEach(
        (pool, classIds) -> {
          long cpu = 0;
          long memory = 0;
          for (int c = classIds.nextSetBit(0); c >= 0; c = classIds.nextSetBit(c + 1)) {
            cpu += classes.get(c).request()[0] * remaining[c];
            memory += classes.get(c).request()[1] * remaining[c];
          }
          if (budget.binding(pool, java.util.Map.of("cpu", cpu, "memory", memory))) {
            binding.add(pool);
          }
        });
    return binding;
  }

  /** A class's first value: its cost on its cheapest shape if nodes were filled perfectly. */
  private double[] initialValues() {
    double[] values = new double[classes.size()];
    java.util.Arrays.fill(values, Double.MAX_VALUE);
    for (int s = 0; s < shapes.size(); s++) {
      Shape shape = shapes.get(s);
      for (int c : candidates[s]) {
        long[] r = classes.get(c).request();
        double fraction = 0;
        for (int d = 0; d < dims; d++) {
          if (r[d] > 0) {
            fraction = Math.max(fraction, (double) r[d] / shape.free()[d]);
          }
        }
        values[c] = Math.min(values[c], shape.price() * fraction);
      }
    }
    for (int c = 0; c < values.length; c++) {
      if (values[c] == Double.MAX_VALUE) {
        values[c] = 0;
      }
    }
    return values;
  }

  /**
   * Charges each node's price to its pods by their share of the node's resources, weighting each
   * resource by how full it is, and moves every class's value halfway towards its charge.
   */
  private double[] corrected(double[] values, List<NodeBatch> batches) {
    double[] charged = new double[classes.size()];
    long[] pods = new long[classes.size()];
    for (NodeBatch b : batches) {
      long[] used = b.used(classes, dims);
      long[] free = b.shape().free();
      double[] weight = new double[dims];
      for (int d = 0; d < dims; d++) {
        weight[d] = free[d] == 0 ? 0 : (double) used[d] / free[d] / Math.max(1, free[d]);
      }
      double[] share = new double[b.classIds().length];
      double total = 0;
      for (int i = 0; i < share.length; i++) {
        long[] r = classes.get(b.classIds()[i]).request();
        double s = 0;
        for (int d = 0; d < dims; d++) {
          s += r[d] * weight[d];
        }
        share[i] = s;
        total += s * b.perNode()[i];
      }
      for (int i = 0; i < share.length; i++) {
        int c = b.classIds()[i];
        double perPod = total > 0 ? b.shape().price() * share[i] / total : 0;
        charged[c] += perPod * b.perNode()[i] * b.nodes();
        pods[c] += b.perNode()[i] * b.nodes();
      }
    }
    double[] next = values.clone();
    for (int c = 0; c < next.length; c++) {
      if (pods[c] > 0) {
        next[c] = 0.5 * values[c] + 0.5 * charged[c] / pods[c];
      }
    }
    return next;
  }
}
