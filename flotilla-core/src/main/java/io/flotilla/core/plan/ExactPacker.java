package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packs a small batch exactly: the cheapest set of new nodes that holds every remaining pod some
 * shape can take, within the pools' budgets. Every maximal feasible node pattern of every shape is
 * enumerated (room in every resource, and the co-location rules: per-class caps, conflicts, group
 * caps; {@link NodePatterns}), then an integer program chooses how many nodes of each pattern
 * ({@link PatternProgram}, solved by {@link IntegerCover}).
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
  static final double PER_NODE_NUDGE = 1e-7;

  private final List<PodClass> classes;
  private final List<Shape> shapes;
  private final BitSet[] compatible;
  private final NodePatterns nodePatterns;
  private final PatternProgram program;

  /**
   * @param compatible per shape (by position in {@code shapes}), the classes that may use it
   */
  ExactPacker(
      List<PodClass> classes,
      List<Shape> shapes,
      BitSet[] compatible,
      Colocation colocation,
      int dims,
      SolvedCovers covers) {
    this.classes = classes;
    this.shapes = shapes;
    this.compatible = compatible;
    this.nodePatterns = new NodePatterns(classes, shapes, compatible, colocation, dims);
    this.program = new PatternProgram(shapes, covers);
  }

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
    Optional<List<NodePattern>> enumerated =
        nodePatterns.patterns(remaining, active, limits.maxPatterns());
    if (enumerated.isEmpty()) {
      return Optional.empty();
    }
    List<NodePattern> patterns = nodePatterns.undominated(enumerated.get(), budget);
    double toBeat = Double.POSITIVE_INFINITY;
    if (known != null) {
      toBeat = 0;
      for (NodeBatch b : known) {
        toBeat += (b.shape().price() + PER_NODE_NUDGE) * b.nodes();
      }
    }
    Optional<long[]> chosen =
        program.solve(
            patterns,
            remaining,
            active,
            budget,
            new PatternProgram.Search(limits.maxBranchNodes(), toBeat));
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
