package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The pools' rows of a bound's master LP, shared by the plain and the configuration LP: per pool
 * and limited resource, what the variables' nodes count against what is left (scaled so the
 * right-hand side is 1), and per pool the number of nodes; and their duals read back as prices.
 */
final class PoolRows {
  private final List<BoundProblem.Pool> pools;

  /** Row of each pool's limit ({@code -1}: no variable counts against it). */
  private final int[][] limit;

  /** Row of each pool's node count ({@code -1}: unlimited, or no variable in the pool). */
  private final int[] nodes;

  private PoolRows(List<BoundProblem.Pool> pools, int[][] limit, int[] nodes) {
    this.pools = pools;
    this.limit = limit;
    this.nodes = nodes;
  }

  /**
   * Adds the rows for {@code variables} variables, variable {@code j} being nodes of the reduced
   * option {@code optionOf(j)}.
   */
  static PoolRows add(
      LinearProgram lp, BoundReduction r, int variables, IntUnaryOperator optionOf) {
    int[][] limit = new int[r.pools.size()][];
    int[] nodes = new int[r.pools.size()];
    for (int p = 0; p < r.pools.size(); p++) {
      BoundProblem.Pool pool = r.pools.get(p);
      limit[p] = new int[pool.remaining().length];
      Arrays.fill(limit[p], -1);
      List<Integer> members = new ArrayList<>();
      for (int j = 0; j < variables; j++) {
        if (r.pool[optionOf.applyAsInt(j)] == p) {
          members.add(j);
        }
      }
      for (int l = 0; l < pool.remaining().length; l++) {
        List<Integer> idx = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        for (int j : members) {
          long c = r.counts[optionOf.applyAsInt(j)][l];
          if (c > 0) {
            idx.add(j);
            val.add((double) c / pool.remaining()[l]);
          }
        }
        if (!idx.isEmpty()) {
          limit[p][l] = lp.row(idx, val, 1);
        }
      }
      nodes[p] =
          pool.maxNodes() == BoundProblem.UNLIMITED || members.isEmpty()
              ? -1
              : lp.row(members, 1, pool.maxNodes());
    }
    return new PoolRows(r.pools, limit, nodes);
  }

  /** Per pool and limit, the dual price per unit of what is left (0 without a row). */
  double[][] limitPrices(double[] duals) {
    double[][] pi = new double[pools.size()][];
    for (int p = 0; p < pools.size(); p++) {
      BoundProblem.Pool pool = pools.get(p);
      pi[p] = new double[pool.remaining().length];
      for (int l = 0; l < pi[p].length; l++) {
        if (limit[p][l] >= 0) {
          pi[p][l] = duals[limit[p][l]] / pool.remaining()[l];
        }
      }
    }
    return pi;
  }

  /** Per pool, the dual price of one more node (0 without a row). */
  double[] nodePrices(double[] duals) {
    double[] nu = new double[pools.size()];
    for (int p = 0; p < pools.size(); p++) {
      if (nodes[p] >= 0) {
        nu[p] = duals[nodes[p]];
      }
    }
    return nu;
  }

  /** What the pools' limits and node counts contribute to the Lagrangian bound at these prices. */
  double charge(double[][] pi, double[] nu) {
    double total = 0;
    for (int p = 0; p < pools.size(); p++) {
      BoundProblem.Pool pool = pools.get(p);
      for (int l = 0; l < pi[p].length; l++) {
        if (limit[p][l] >= 0) {
          total += pi[p][l] * pool.remaining()[l];
        }
      }
      if (nodes[p] >= 0) {
        total += nu[p] * pool.maxNodes();
      }
    }
    return total;
  }
}
