package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packs a small batch exactly: the cheapest set of new nodes that holds every remaining pod some
 * shape can take, within the pools' budgets. Every maximal feasible node pattern of every shape is
 * enumerated (room in every resource, and the co-location rules: per-class caps, conflicts, group
 * caps), then an integer program chooses how many nodes of each pattern ({@link IntegerCover}).
 *
 * <p>It answers only with a proven optimum. When the batch is larger than {@link
 * PlanOptions.ExactSearch} allows (classes, pods, patterns), when the budgets cannot hold every
 * pod, or when the branch and bound stops at {@code maxBranchNodes} nodes before proving its best
 * solution optimal, it returns empty and leaves {@code remaining} and the budget as they were, so
 * the caller keeps its heuristic packing. Work is counted in patterns and branch-and-bound nodes,
 * never in time, so the same batch always gets the same answer.
 */
final class ExactPacker {
  /** USD per hour added to every node in the search only; far below a cent over any batch. */
  private static final double PER_NODE_NUDGE = 1e-7;

  private final List<PodClass> classes;
  private final List<Shape> shapes;
  private final BitSet[] compatible;
  private final Colocation colocation;
  private final int dims;
  private final int[][] groupsOf;

  /**
   * @param compatible per shape (by position in {@code shapes}), the classes that may use it
   */
  ExactPacker(
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
    List<List<Integer>> of = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      of.add(new ArrayList<>());
    }
    List<Colocation.Group> groups = colocation.groups();
    for (int g = 0; g < groups.size(); g++) {
      BitSet m = groups.get(g).members();
      for (int c = m.nextSetBit(0); c >= 0 && c < classes.size(); c = m.nextSetBit(c + 1)) {
        of.get(c).add(g);
      }
    }
    groupsOf =
        of.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
  }

  /** How far the integer search may go, and the value it must beat. */
  private record Search(long maxNodes, double toBeat) {}

  /** A pattern: one node of a shape holding these pods (counts by class id, sparse). */
  record NodePattern(int shape, int[] classIds, long[] counts) {}

  /**
   * The cheapest packing of {@code remaining} (decremented in place) within the budget (spent), or
   * empty with both untouched when the batch is too large or no optimum was proven.
   */
  Optional<List<NodeBatch>> pack(
      long[] remaining, PoolBudget budget, PlanOptions.ExactSearch limits) {
    return pack(remaining, budget, limits, null);
  }

  /**
   * As {@link #pack(long[], PoolBudget, PlanOptions.ExactSearch)}, but only a packing cheaper than
   * {@code known} (a packing of the same pods; null for none), or as cheap with fewer nodes: empty
   * when none is, which proves {@code known} optimal if the search finished.
   */
  Optional<List<NodeBatch>> pack(
      long[] remaining, PoolBudget budget, PlanOptions.ExactSearch limits, List<NodeBatch> known) {
    BitSet active = new BitSet();
    for (BitSet b : compatible) {
      active.or(b);
    }
    long pods = 0;
    for (int c = active.nextSetBit(0); c >= 0; c = active.nextSetBit(c + 1)) {
      if (remaining[c] == 0) {
        active.clear(c);
      } else {
        pods += remaining[c];
      }
    }
    if (active.isEmpty()) {
      return Optional.of(List.of()); // nothing any shape can hold: nothing to launch
    }
    if (!limits.applies(active.cardinality(), pods)) {
      return Optional.empty();
    }
    Optional<List<NodePattern>> enumerated = patterns(remaining, active, limits.maxPatterns());
    if (enumerated.isEmpty()) {
      return Optional.empty();
    }
    List<NodePattern> patterns = undominated(enumerated.get(), budget);
    double toBeat = Double.POSITIVE_INFINITY;
    if (known != null) {
      toBeat = 0;
      for (NodeBatch b : known) {
        toBeat += (b.shape().price() + PER_NODE_NUDGE) * b.nodes();
      }
    }
    Optional<long[]> chosen =
        solve(patterns, remaining, active, budget, new Search(limits.maxBranchNodes(), toBeat));
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    List<NodeBatch> batches = batches(patterns, chosen.get(), remaining, active);
    for (NodeBatch b : batches) {
      for (int i = 0; i < b.classIds().length; i++) {
        remaining[b.classIds()[i]] -= b.perNode()[i] * b.nodes();
      }
      budget.spend(b.shape(), b.nodes());
    }
    return Optional.of(batches);
  }

  /**
   * Every maximal pattern of every shape, or empty when there are more than {@code maxPatterns} (or
   * the enumeration visits more than 64 times as many partial patterns).
   */
  Optional<List<NodePattern>> patterns(long[] remaining, BitSet active, long maxPatterns) {
    List<NodePattern> out = new ArrayList<>();
    Enumeration e = new Enumeration(remaining, maxPatterns, out);
    for (int s = 0; s < shapes.size(); s++) {
      BitSet mine = (BitSet) compatible[s].clone();
      mine.and(active);
      long[] room = free(s);
      int[] ids = mine.stream().filter(c -> Dimensions.fits(request(c), room)).toArray();
      if (ids.length == 0) {
        continue;
      }
      if (!e.run(s, ids)) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  private long[] request(int c) {
    return classes.get(c).request();
  }

  private long[] free(int s) {
    return shapes.get(s).free();
  }

  /** Depth-first over a shape's classes, most pods first, keeping the maximal leaves. */
  private final class Enumeration {
    final long[] remaining;
    final long maxPatterns;
    final long maxSteps;
    final List<NodePattern> out;
    long steps;
    int shape;
    int[] ids;
    final long[] counts;
    final int[] coCounts;
    final int[] groupCounts;
    final BitSet present = new BitSet();

    Enumeration(long[] remaining, long maxPatterns, List<NodePattern> out) {
      this.remaining = remaining;
      this.maxPatterns = maxPatterns;
      this.maxSteps = maxPatterns * 64;
      this.out = out;
      this.counts = new long[classes.size()];
      this.coCounts = new int[classes.size()];
      this.groupCounts = new int[colocation.groupCount()];
    }

    boolean run(int s, int[] classIds) {
      shape = s;
      ids = classIds;
      return dfs(0, free(s).clone());
    }

    /** How many more pods of class c this node may take by the co-location rules. */
    long room(int c) {
      return colocation.active()
          ? colocation.room(c, coCounts, groupCounts, present, null)
          : Long.MAX_VALUE;
    }

    boolean dfs(int depth, long[] free) {
      if (++steps > maxSteps) {
        return false;
      }
      if (depth == ids.length) {
        return leaf(free);
      }
      int c = ids[depth];
      long most =
          Math.min(remaining[c], Math.min(Dimensions.copiesThatFit(request(c), free), room(c)));
      for (long n = most; n >= 0; n--) {
        take(c, n, free);
        boolean ok = dfs(depth + 1, free);
        take(c, -n, free);
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    void take(int c, long n, long[] free) {
      if (n == 0) {
        return;
      }
      Dimensions.subtract(free, request(c), n);
      counts[c] += n;
      if (colocation.active()) {
        coCounts[c] += (int) n;
        for (int g : groupsOf[c]) {
          groupCounts[g] += (int) n;
        }
        if (coCounts[c] > 0) {
          present.set(c);
        } else {
          present.clear(c);
        }
      }
    }

    /** Keeps the pattern when it is not empty and no class could add a pod to it. */
    boolean leaf(long[] free) {
      int m = 0;
      for (int c : ids) {
        if (counts[c] > 0) {
          m++;
        }
        if (counts[c] < remaining[c] && Dimensions.fits(request(c), free) && room(c) > 0) {
          return true;
        }
      }
      if (m == 0) {
        return true;
      }
      if (out.size() >= maxPatterns) {
        return false;
      }
      int[] classIds = new int[m];
      long[] n = new long[m];
      int i = 0;
      for (int c : ids) {
        if (counts[c] > 0) {
          classIds[i] = c;
          n[i++] = counts[c];
        }
      }
      out.add(new NodePattern(shape, classIds, n));
      return true;
    }
  }

  /**
   * Drops a pattern when a cheaper shape (or an equally priced one listed first) holds the same
   * pods and uses no more of any limited pool: some maximal pattern of that shape then covers it
   * for less.
   */
  private List<NodePattern> undominated(List<NodePattern> patterns, PoolBudget budget) {
    List<NodePattern> kept = new ArrayList<>();
    for (NodePattern p : patterns) {
      long[] used = new long[dims];
      for (int i = 0; i < p.classIds().length; i++) {
        long[] r = request(p.classIds()[i]);
        for (int d = 0; d < dims; d++) {
          used[d] += r[d] * p.counts()[i];
        }
      }
      Shape mine = shapes.get(p.shape());
      boolean dominated = false;
      for (int s = 0; s < shapes.size() && !dominated; s++) {
        Shape other = shapes.get(s);
        if (s == p.shape()
            || other.price() > mine.price()
            || (other.price() == mine.price() && s > p.shape())
            || !Dimensions.fits(used, other.free())
            || !budgetNoWorse(other, mine)) {
          continue;
        }
        boolean holds = true;
        for (int c : p.classIds()) {
          holds &= compatible[s].get(c);
        }
        dominated = holds;
      }
      if (!dominated) {
        kept.add(p);
      }
    }
    return kept;
  }

  /** A node of a uses no more of any limited pool than a node of b. */
  private static boolean budgetNoWorse(Shape a, Shape b) {
    NodePool pa = a.pool();
    if (pa.limits().isEmpty() && pa.maxNodes() == null) {
      return true;
    }
    if (pa != b.pool()) {
      return false;
    }
    for (String limit : pa.limits().names()) {
      if (PoolBudget.counted(a, limit) > PoolBudget.counted(b, limit)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The integer program: nodes per pattern, every active pod covered, the pools' remainders
   * respected, least cost. Empty unless the search proves its answer optimal.
   */
  private Optional<long[]> solve(
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
      cost[j] = shape.price() + PER_NODE_NUDGE;
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
    return new IntegerCover(cost, upper, rows).solve(search.maxNodes(), search.toBeat());
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

  /**
   * The chosen nodes as batches of identical nodes, in pattern order, with the pods a pattern
   * covers beyond the remaining ones taken off its last nodes first.
   */
  private List<NodeBatch> batches(
      List<NodePattern> patterns, long[] nodes, long[] remaining, BitSet active) {
    List<long[]> perNode = new ArrayList<>();
    List<Integer> shapeOf = new ArrayList<>();
    long[] covered = new long[classes.size()];
    for (int j = 0; j < patterns.size(); j++) {
      NodePattern p = patterns.get(j);
      for (long n = 0; n < nodes[j]; n++) {
        long[] counts = new long[classes.size()];
        for (int i = 0; i < p.classIds().length; i++) {
          counts[p.classIds()[i]] = p.counts()[i];
          covered[p.classIds()[i]] += p.counts()[i];
        }
        perNode.add(counts);
        shapeOf.add(p.shape());
      }
    }
    for (int c = active.nextSetBit(0); c >= 0; c = active.nextSetBit(c + 1)) {
      long excess = covered[c] - remaining[c];
      for (int i = perNode.size() - 1; i >= 0 && excess > 0; i--) {
        long take = Math.min(excess, perNode.get(i)[c]);
        perNode.get(i)[c] -= take;
        excess -= take;
      }
    }
    Map<String, NodeBatch> grouped = new LinkedHashMap<>();
    for (int i = 0; i < perNode.size(); i++) {
      long[] counts = perNode.get(i);
      int m = (int) Arrays.stream(counts).filter(v -> v > 0).count();
      if (m == 0) {
        continue;
      }
      int[] ids = new int[m];
      long[] n = new long[m];
      int k = 0;
      for (int c = 0; c < counts.length; c++) {
        if (counts[c] > 0) {
          ids[k] = c;
          n[k++] = counts[c];
        }
      }
      String key = shapeOf.get(i) + Arrays.toString(ids) + Arrays.toString(n);
      NodeBatch had = grouped.get(key);
      grouped.put(
          key,
          had == null
              ? new NodeBatch(shapes.get(shapeOf.get(i)), ids, n, 1)
              : new NodeBatch(had.shape(), had.classIds(), had.perNode(), had.nodes() + 1));
    }
    List<NodeBatch> out = new ArrayList<>(grouped.values());
    return out;
  }
}
