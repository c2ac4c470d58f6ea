package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The best-paying pods for one node: given a value per pod of each demand, choose how many pods of
 * each go on one node of a kind (within its room in every resource and each demand's per-node
 * limit) to maximise their total value. A bounded multi-dimensional knapsack.
 *
 * <p>Its LP bound comes from resource prices found by exact line searches one resource at a time
 * (any prices give a valid bound). The search is a depth-first branch and bound within a node
 * budget, pruned by one-dimensional fractional bounds over several combinations of the resources; a
 * caller that only cares about fills worth more than a threshold passes it, so everything below is
 * pruned and, when the search finishes, the threshold is a valid upper bound.
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
  private double[][] weights;
  private int[][] byDensity;

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
    this.prices = resourcePrices();
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

  /**
   * The resource prices of the knapsack's LP optimum, by a bounded primal simplex over the few
   * resource rows (the pods start at zero, the slacks in the basis). Whatever it returns is only
   * used through {@link #lagrangian}, which is an upper bound for any prices, so a simplex cut off
   * by its iteration cap still gives a valid, if weaker, bound.
   */
  private double[] resourcePrices() {
    int[] rows = java.util.stream.IntStream.range(0, dims).filter(d -> room[d] > 0).toArray();
    int m = rows.length;
    int n = items.length;
    double[] w = new double[dims];
    if (m == 0 || n == 0) {
      return w;
    }
    // Basis entries: 0..n-1 an item, n+i the slack of row i.
    int[] basis = new int[m];
    double[][] inverse = new double[m][m];
    double[] xb = new double[m];
    for (int i = 0; i < m; i++) {
      basis[i] = n + i;
      inverse[i][i] = 1;
      xb[i] = room[rows[i]];
    }
    boolean[] atUpper = new boolean[n];
    boolean[] basic = new boolean[n + m];
    for (int i = 0; i < m; i++) {
      basic[n + i] = true;
    }
    double[] dual = new double[m];
    double[] column = new double[m];
    for (int iteration = 0; iteration < 20 * (n + m); iteration++) {
      // Duals: cost of the basis times its inverse.
      Arrays.fill(dual, 0);
      for (int i = 0; i < m; i++) {
        double c = basis[i] < n ? value[items[basis[i]]] : 0;
        if (c != 0) {
          for (int j = 0; j < m; j++) {
            dual[j] += c * inverse[i][j];
          }
        }
      }
      int entering = -1;
      double bestGain = 1e-12;
      for (int j = 0; j < n + m; j++) {
        if (basic[j]) {
          continue;
        }
        double d = j < n ? reducedProfit(items[j], rows, dual) : -dual[j - n];
        double gain = j < n && atUpper[j] ? -d : d;
        if (gain > bestGain * Math.max(1, Math.abs(j < n ? value[items[j]] : 0))) {
          bestGain = gain;
          entering = j;
        }
      }
      if (entering < 0) {
        break;
      }
      // Direction: the entering variable moves up from its lower bound or down from its upper.
      double sign = entering < n && atUpper[entering] ? -1 : 1;
      for (int i = 0; i < m; i++) {
        double a = 0;
        for (int j = 0; j < m; j++) {
          a += inverse[i][j] * entry(entering, j, rows, n);
        }
        column[i] = a;
      }
      double step =
          entering < n ? limit[items[entering]] : Double.POSITIVE_INFINITY; // a bound flip
      int leaving = -1;
      boolean leavesAtUpper = false;
      for (int i = 0; i < m; i++) {
        double rate = sign * column[i];
        if (rate > 1e-12) {
          double t = xb[i] / rate;
          if (t < step) {
            step = t;
            leaving = i;
            leavesAtUpper = false;
          }
        } else if (rate < -1e-12 && basis[i] < n) {
          double t = (limit[items[basis[i]]] - xb[i]) / -rate;
          if (t < step) {
            step = t;
            leaving = i;
            leavesAtUpper = true;
          }
        }
      }
      if (Double.isInfinite(step)) {
        break; // unbounded cannot happen with finite limits; stop rather than loop
      }
      for (int i = 0; i < m; i++) {
        xb[i] -= sign * step * column[i];
      }
      if (leaving < 0) {
        atUpper[entering] = !atUpper[entering];
        continue;
      }
      int out = basis[leaving];
      basic[out] = false;
      if (out < n) {
        atUpper[out] = leavesAtUpper;
      }
      basic[entering] = true;
      basis[leaving] = entering;
      double enteringValue =
          entering < n ? (atUpper[entering] ? limit[items[entering]] : 0) + sign * step : step;
      if (entering < n) {
        atUpper[entering] = false;
      }
      double pivot = column[leaving];
      for (int j = 0; j < m; j++) {
        inverse[leaving][j] /= pivot;
      }
      for (int i = 0; i < m; i++) {
        if (i != leaving && column[i] != 0) {
          double f = column[i];
          for (int j = 0; j < m; j++) {
            inverse[i][j] -= f * inverse[leaving][j];
          }
        }
      }
      xb[leaving] = enteringValue;
    }
    for (int i = 0; i < m; i++) {
      w[rows[i]] = Math.max(0, dual[i]);
    }
    return w;
  }

  private double reducedProfit(int k, int[] rows, double[] dual) {
    double d = value[k];
    for (int i = 0; i < rows.length; i++) {
      d -= dual[i] * request[k][rows[i]];
    }
    return d;
  }

  /** Sorts two parallel arrays by the first, ascending (quicksort, ranges inclusive). */
  private static void sortByFirst(double[] key, double[] other, int lo, int hi) {
    while (lo < hi) {
      double pivot = key[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (key[i] < pivot) {
          i++;
        }
        while (key[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double a = key[i];
          key[i] = key[j];
          key[j] = a;
          double b = other[i];
          other[i] = other[j];
          other[j] = b;
          i++;
          j--;
        }
      }
      if (j - lo < hi - i) {
        sortByFirst(key, other, lo, j);
        lo = i;
      } else {
        sortByFirst(key, other, i, hi);
        hi = j;
      }
    }
  }

  /** The entry of variable j (an item, or the slack of row j - n) in row i. */
  private double entry(int j, int i, int[] rows, int n) {
    return j < n ? request[items[j]][rows[i]] : (j - n == i ? 1 : 0);
  }

  /**
   * Combinations of resources for the fractional bounds: the resource prices found (first: they
   * also order the branching), all resources relative to the room, and each resource alone.
   */
  private void prepareSearch() {
    if (weights != null) {
      return;
    }
    List<double[]> out = new ArrayList<>();
    boolean priced = false;
    for (double x : prices) {
      priced |= x > 0;
    }
    if (priced) {
      out.add(prices);
    }
    double[] balanced = new double[dims];
    for (int d = 0; d < dims; d++) {
      if (room[d] > 0) {
        balanced[d] = 1.0 / room[d];
      }
    }
    out.add(balanced);
    for (int d = 0; d < dims; d++) {
      if (room[d] > 0) {
        double[] unit = new double[dims];
        unit[d] = 1.0 / room[d];
        out.add(unit);
      }
    }
    weights = out.toArray(double[][]::new);
    byDensity = new int[weights.length][];
    for (int w = 0; w < weights.length; w++) {
      byDensity[w] = sortedByDensity(weights[w]);
    }
  }

  private double weight(double[] w, int k) {
    double s = 0;
    for (int d = 0; d < dims; d++) {
      s += w[d] * request[k][d];
    }
    return s;
  }

  private int[] sortedByDensity(double[] w) {
    double[] key = new double[items.length];
    double[] position = new double[items.length];
    for (int i = 0; i < items.length; i++) {
      double wt = weight(w, items[i]);
      // Descending density; ties by demand position, which the secondary pass keeps stable.
      key[i] = wt <= 0 ? Double.NEGATIVE_INFINITY : -value[items[i]] / wt;
      position[i] = items[i];
    }
    sortByFirst(key, position, 0, items.length - 1);
    int[] out = new int[items.length];
    int i = 0;
    while (i < items.length) {
      int j = i;
      while (j < items.length && key[j] == key[i]) {
        j++;
      }
      Arrays.sort(position, i, j);
      i = j;
    }
    for (int k = 0; k < out.length; k++) {
      out[k] = (int) position[k];
    }
    return out;
  }

  /**
   * What the undecided items could still add in the free room, fractionally: the smallest
   * one-dimensional bound over the first surrogates.
   */
  private double fractionalBound(long[] free, boolean[] decided) {
    double best = Double.POSITIVE_INFINITY;
    // The first two (the LP's prices, all resources relative to the room) nearly always decide.
    for (int w = 0; w < Math.min(2, weights.length); w++) {
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
    prepareSearch();
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
    double rootBound = Math.min(lpBound, fractionalBound(room.clone(), decided));
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
      int[] order = byDensity[0];
      if (depth == order.length) {
        return true;
      }
      double target = Math.max(bestValue, threshold);
      if (v + fractionalBound(free, decided) <= target + 1e-12 * Math.max(1, Math.abs(target))) {
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
