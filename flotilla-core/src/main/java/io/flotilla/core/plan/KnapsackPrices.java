package io.flotilla.core.plan;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The resource prices of a {@link NodeKnapsack}'s LP optimum, by a bounded primal simplex over the
 * few resource rows (the pods start at zero, the slacks in the basis). Kept apart from the knapsack
 * because the simplex's basis bookkeeping is used once, to price the resources, and never by the
 * search. Whatever it returns is only used through the knapsack's Lagrangian, which is an upper
 * bound for any prices, so a simplex cut off by its iteration cap still gives a valid, if weaker,
 * bound.
 */
final class KnapsackPrices {
  private final long[] room;
  private final int dims;
  private final int[] items;
  private final long[][] request;
  private final long[] limit;
  private final double[] value;

  /**
   * @param items the demand positions the knapsack considers (worth something, limit above zero)
   * @param limit per demand position, the most pods of it one node may take
   * @param value per demand position, what a pod is worth
   */
  KnapsackPrices(long[] room, int[] items, long[][] request, long[] limit, double[] value) {
    this.room = room;
    this.dims = room.length;
    this.items = items;
    this.request = request;
    this.limit = limit;
    this.value = value;
  }

  /** Per resource, its price at the LP optimum (or where the iteration cap stopped), at least 0. */
  double[] prices() {
    int[] rows = IntStream.range(0, dims).filter(d -> room[d] > 0).toArray();
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

  /** The entry of variable j (an item, or the slack of row j - n) in row i. */
  private double entry(int j, int i, int[] rows, int n) {
    return j < n ? request[items[j]][rows[i]] : (j - n == i ? 1 : 0);
  }
}
