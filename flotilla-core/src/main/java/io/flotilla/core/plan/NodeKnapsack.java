package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The best-paying pods for one node: given a value per pod of each demand, choose how many pods of
 * each go on one node of a kind (within its room in every resource and each demand's per-node
 * limit) to maximise their total value. A bounded multi-dimensional knapsack; solved by greedy fills
 * and a depth-first branch and bound within a node budget, with an upper bound on the best value
 * that holds whether or not the search finished (the smallest of one-dimensional fractional
 * knapsack bounds over several surrogate combinations of the resources).
 */
final class NodeKnapsack {
  /** A node's pods (demand positions and counts), their value, and a bound on the best value. */
  record Fill(int[] demands, long[] counts, double value, double upperBound, boolean exact) {}

  private final long[] room;
  private final int dims;
  private final int[] items;
  private final long[][] request;
  private final long[] limit;
  private final double[] value;
  private final double[][] weights;
  private final int[][] byDensity;

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
    this.weights = surrogates();
    this.byDensity = new int[weights.length][];
    for (int w = 0; w < weights.length; w++) {
      byDensity[w] = sortedByDensity(weights[w]);
    }
  }

  /** Combinations of resources: each resource alone, and all of them relative to the room. */
  private double[][] surrogates() {
    List<double[]> out = new ArrayList<>();
    double[] balanced = new double[dims];
    for (int d = 0; d < dims; d++) {
      if (room[d] > 0) {
        double[] unit = new double[dims];
        unit[d] = 1.0 / room[d];
        out.add(unit);
        balanced[d] = 1.0 / room[d];
      }
    }
    out.add(0, balanced);
    return out.toArray(double[][]::new);
  }

  private double weight(double[] w, int k) {
    double s = 0;
    for (int d = 0; d < dims; d++) {
      s += w[d] * request[k][d];
    }
    return s;
  }

  private int[] sortedByDensity(double[] w) {
    Integer[] order = Arrays.stream(items).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer k) -> -density(w, k)).thenComparingInt(k -> k));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  private double density(double[] w, int k) {
    double wt = weight(w, k);
    return wt <= 0 ? Double.POSITIVE_INFINITY : value[k] / wt;
  }

  /**
   * What the undecided items could still add in the free room, fractionally: the smallest
   * one-dimensional bound over the surrogates.
   */
  private double fractionalBound(long[] free, boolean[] decided) {
    double best = Double.POSITIVE_INFINITY;
    for (int w = 0; w < weights.length; w++) {
      double capacity = 0;
      for (int d = 0; d < dims; d++) {
        capacity += weights[w][d] * free[d];
      }
      double total = 0;
      for (int k : byDensity[w]) {
        if (decided[k]) {
          continue;
        }
        double wt = weight(weights[w], k);
        if (wt <= 0) {
          total += value[k] * limit[k];
          continue;
        }
        if (capacity <= 0) {
          break;
        }
        double take = Math.min(limit[k], capacity / wt);
        total += take * value[k];
        capacity -= take * wt;
      }
      best = Math.min(best, total);
    }
    return best;
  }

  /** Greedy fills in each surrogate's density order, then branch and bound within the budget. */
  Fill solve(long nodeBudget) {
    if (items.length == 0) {
      return new Fill(new int[0], new long[0], 0, 0, true);
    }
    long[] best = new long[limit.length];
    double bestValue = -1;
    for (int[] order : byDensity) {
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
    double rootBound = fractionalBound(room.clone(), decided);
    Search search = new Search(best, bestValue, nodeBudget);
    boolean finished = search.dfs(0, room.clone(), new long[limit.length], 0, decided);
    double upper = finished ? search.bestValue : Math.max(search.bestValue, rootBound);
    return fill(search.best, search.bestValue, Math.min(upper, rootBound), finished);
  }

  /** Only a bound, without searching (for a quick certificate). */
  double upperBound() {
    return items.length == 0 ? 0 : fractionalBound(room.clone(), new boolean[limit.length]);
  }

  private Fill fill(long[] counts, double v, double upper, boolean exact) {
    int m = 0;
    for (int k : items) {
      m += counts[k] > 0 ? 1 : 0;
    }
    int[] ids = new int[m];
    long[] n = new long[m];
    int i = 0;
    for (int k : byDensity[0]) {
      if (counts[k] > 0) {
        ids[i] = k;
        n[i++] = counts[k];
      }
    }
    int[] order = new int[m];
    for (int j = 0; j < m; j++) {
      order[j] = j;
    }
    // Ascending demand positions, so equal fills compare equal.
    Integer[] sorted = Arrays.stream(order).boxed().toArray(Integer[]::new);
    Arrays.sort(sorted, Comparator.comparingInt(j -> ids[j]));
    int[] outIds = new int[m];
    long[] outN = new long[m];
    for (int j = 0; j < m; j++) {
      outIds[j] = ids[sorted[j]];
      outN[j] = n[sorted[j]];
    }
    return new Fill(outIds, outN, v, Math.max(upper, v), exact);
  }

  /** Depth-first over the items in balanced density order, most pods first. */
  private final class Search {
    long[] best;
    double bestValue;
    long nodes;
    final long budget;

    Search(long[] best, double bestValue, long budget) {
      this.best = best.clone();
      this.bestValue = bestValue;
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
      int[] order = byDensity[0];
      if (depth == order.length) {
        return true;
      }
      if (v + fractionalBound(free, decided) <= bestValue + 1e-12 * Math.max(1, bestValue)) {
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
