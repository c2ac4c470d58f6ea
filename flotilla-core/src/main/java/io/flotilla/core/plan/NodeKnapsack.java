package io.flotilla.core.plan;

import java.util.Arrays;

/**
 * The best-paying pods for one node: given a value per pod of each demand, choose how many pods of
 * each go on one node of a kind (within its room in every resource and each demand's per-node
 * limit) to maximise their total value. A bounded multi-dimensional knapsack.
 *
 * <p>Its LP bound is the Lagrangian at the resource prices of the LP optimum ({@link
 * KnapsackPrices}; any prices give a valid bound). The search is a depth-first branch and bound
 * within a node budget, pruned by one-dimensional fractional bounds over several combinations of
 * the resources ({@link KnapsackSurrogates}); a caller that only cares about fills worth more than
 * a threshold passes it, so everything below is pruned and, when the search finishes, the threshold
 * is a valid upper bound.
 */
final class NodeKnapsack {

  /**
   * A node's pods (demand positions ascending, and counts), their value, an upper bound on the best
   * value of any fill, and whether that bound is proven by a finished search.
   */
  record Fill(int[] demands, long[] counts, double value, double upperBound, boolean exact) {}

  private final long[] room;
  private final int dims;
  private final int[] items;
  private final long[][] request;
  private final long[] limit;
  private final double[] value;
  private final double[] prices;
  private final double lpBound;
  private KnapsackSurrogates surrogates;

  /**
   * @param items candidate demand positions (their requests fit the room)
   * @param limit per demand position, the most pods of it one node may take
   * @param value per demand position, what a pod is worth (items worth nothing are ignored)
   */
  NodeKnapsack(long[] room, int[] items, long[][] request, long[] limit, double[] value) {
    this.room = room;
    this.dims = room.length;
    this.request = request;
    this.limit = limit;
    this.value = value;
    this.items = Arrays.stream(items).filter(k -> value[k] > 0 && limit[k] > 0).toArray();
    this.prices = new KnapsackPrices(room, this.items, request, limit, value).prices();
    this.lpBound = lagrangian(prices);
  }

  /** An upper bound on the best fill without searching: the LP bound at the resource prices. */
  double upperBound() {
    return lpBound;
  }

  /** {@code w·room + sum limit (value - w·request)+}: an upper bound for any prices w >= 0. */
  private double lagrangian(double[] w) {
    double g = 0;
    for (int d = 0; d < dims; d++) {
      g += w[d] * room[d];
    }
    for (int k : items) {
      double margin = value[k];
      for (int d = 0; d < dims; d++) {
        margin -= w[d] * request[k][d];
      }
      if (margin > 0) {
        g += limit[k] * margin;
      }
    }
    return g;
  }

  /** The best fill, searching within {@code nodeBudget} nodes. */
  Fill solve(long nodeBudget) {
    return solve(nodeBudget, Double.NEGATIVE_INFINITY);
  }

  /**
   * Greedy fills in each surrogate's density order, then branch and bound within the budget,
   * pruning whatever cannot beat {@code threshold} either.
   */
  Fill solve(long nodeBudget, double threshold) {
    if (items.length == 0) {
      return new Fill(new int[0], new long[0], 0, 0, true);
    }
    if (surrogates == null) {
      surrogates = new KnapsackSurrogates(room, items, request, limit, value, prices);
    }
    long[] best = new long[limit.length];
    double bestValue = -1;
    for (int[] order : surrogates.byDensity()) {
      long[] counts = new long[limit.length];
      long[] free = room.clone();
      double v = 0;
      for (int k : order) {
        long n = Math.min(limit[k], Dimensions.copiesThatFit(request[k], free));
        if (n > 0) {
          counts[k] = n;
          Dimensions.subtract(free, request[k], n);
          v += n * value[k];
        }
      }
      if (v > bestValue) {
        bestValue = v;
        best = counts;
      }
    }
    boolean[] decided = new boolean[limit.length];
    double rootBound = Math.min(lpBound, surrogates.fractionalBound(room.clone(), decided));
    Search search = new Search(best, bestValue, threshold, nodeBudget);
    boolean finished = search.dfs(0, room.clone(), new long[limit.length], 0, decided);
    double upper =
        finished ? Math.max(search.bestValue, Math.min(threshold, rootBound)) : rootBound;
    return fill(search.best, search.bestValue, Math.max(upper, search.bestValue), finished);
  }

  private Fill fill(long[] counts, double v, double upper, boolean exact) {
    int m = 0;
    for (int k : items) {
      m += counts[k] > 0 ? 1 : 0;
    }
    int[] ids = new int[m];
    int i = 0;
    for (int k : items) {
      if (counts[k] > 0) {
        ids[i++] = k;
      }
    }
    Arrays.sort(ids);
    long[] n = new long[m];
    for (int j = 0; j < m; j++) {
      n[j] = counts[ids[j]];
    }
    return new Fill(ids, n, v, upper, exact);
  }

  /** Depth-first over the items in the first surrogate's density order, most pods first. */
  private final class Search {
    long[] best;
    double bestValue;
    final double threshold;
    long nodes;
    final long budget;

    Search(long[] best, double bestValue, double threshold, long budget) {
      this.best = best.clone();
      this.bestValue = bestValue;
      this.threshold = threshold;
      this.budget = budget;
    }

    /** False when the budget ran out before the subtree was explored. */
    boolean dfs(int depth, long[] free, long[] counts, double v, boolean[] decided) {
      if (nodes++ >= budget) {
        return false;
      }
      if (v > bestValue + 1e-12) {
        bestValue = v;
        best = counts.clone();
      }
      int[] order = surrogates.byDensity()[0];
      if (depth == order.length) {
        return true;
      }
      double target = Math.max(bestValue, threshold);
      if (v + surrogates.fractionalBound(free, decided)
          <= target + 1e-12 * Math.max(1, Math.abs(target))) {
        return true;
      }
      int k = order[depth];
      decided[k] = true;
      long most = Math.min(limit[k], Dimensions.copiesThatFit(request[k], free));
      boolean complete = true;
      for (long n = most; n >= 0 && complete; n--) {
        Dimensions.subtract(free, request[k], n);
        counts[k] = n;
        complete = dfs(depth + 1, free, counts, v + n * value[k], decided);
        Dimensions.subtract(free, request[k], -n);
        counts[k] = 0;
      }
      decided[k] = false;
      return complete;
    }
  }
}
