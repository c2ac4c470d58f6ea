package io.flotilla.core.plan;

import io.flotilla.core.plan.BoundReduction.Dominance;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dominance step of a {@link BoundReduction}: which options another one makes redundant, by the
 * reduction's {@link BoundReduction.Dominance}. Kept apart from the reduction because the
 * per-dollar and per-node comparisons, and the pool rules they share, are a question of their own:
 * when may one kind of node stand in for another without lowering the bound.
 */
final class RedundantOptions {
  private RedundantOptions() {}

  /**
   * Marks options made redundant by another that is still kept at that moment; since each removal
   * only moves an option's nodes onto one still present, removing them in this order never lowers
   * the bound.
   */
  static boolean[] marked(
      List<BoundProblem.Option> options,
      List<BitSet> served,
      List<BoundProblem.Pool> pools,
      List<long[]> request,
      List<Long> cap,
      Dominance dominance,
      int dims) {
    int n = options.size();
    boolean[] removed = new boolean[n];
    int[][] capped = new int[n][];
    // Options serve few distinct sets of demands: compare the sets once per pair of sets.
    Map<BitSet, Integer> sets = new HashMap<>();
    int[] set = new int[n];
    for (int o = 0; o < n; o++) {
      capped[o] =
          served.get(o).stream().filter(i -> cap.get(i) != BoundProblem.UNLIMITED).toArray();
      set[o] = sets.computeIfAbsent(served.get(o), x -> sets.size());
    }
    Map<Long, Boolean> within = new HashMap<>();
    for (int b = 0; b < n; b++) {
      for (int a = 0; a < n; a++) {
        if (a == b || removed[a]) {
          continue;
        }
        boolean covers =
            dominance == Dominance.PER_DOLLAR
                ? perDollar(options.get(a), options.get(b), capped[b], request, cap, pools, dims)
                : perNode(options.get(a), options.get(b), pools, dims);
        if (covers) {
          BitSet small = served.get(b);
          BitSet large = served.get(a);
          boolean inside =
              set[a] == set[b]
                  || within.computeIfAbsent(
                      ((long) set[b] << 32) | set[a], x -> subset(small, large));
          if (inside) {
            removed[b] = true;
            break;
          }
        }
      }
    }
    return removed;
  }

  private static boolean subset(BitSet small, BitSet large) {
    BitSet rest = (BitSet) small.clone();
    rest.andNot(large);
    return rest.isEmpty();
  }

  /** Can {@code price(b)/price(a)} nodes of a replace every node of b in a fractional plan? */
  private static boolean perDollar(
      BoundProblem.Option a,
      BoundProblem.Option b,
      int[] cappedOfB,
      List<long[]> request,
      List<Long> cap,
      List<BoundProblem.Pool> pools,
      int dims) {
    if (a.bounded() || !(a.price() > 0) || !(b.price() > 0)) {
      return false;
    }
    double s = b.price() / a.price();
    for (int d = 0; d < dims; d++) {
      if ((double) a.room()[d] * b.price() < (double) b.room()[d] * a.price()) {
        return false;
      }
    }
    if (s < 1) {
      for (int i : cappedOfB) {
        if (BoundReduction.capBinds(cap.get(i), request.get(i), a.room())) {
          return false;
        }
      }
    }
    return poolAllows(a, b, s, pools);
  }

  /** Does every node of b fit its pods into one node of a, for no more money? */
  private static boolean perNode(
      BoundProblem.Option a, BoundProblem.Option b, List<BoundProblem.Pool> pools, int dims) {
    if (a.bounded() || a.price() > b.price()) {
      return false;
    }
    for (int d = 0; d < dims; d++) {
      if (a.room()[d] < b.room()[d]) {
        return false;
      }
    }
    return poolAllows(a, b, 1, pools);
  }

  /** Replacing a node of b by s nodes of a uses no more of any limited pool. */
  private static boolean poolAllows(
      BoundProblem.Option a, BoundProblem.Option b, double s, List<BoundProblem.Pool> pools) {
    if (a.pool() == BoundProblem.NO_POOL || !pools.get(a.pool()).limited()) {
      return true;
    }
    if (a.pool() != b.pool()) {
      return false;
    }
    BoundProblem.Pool p = pools.get(a.pool());
    if (p.maxNodes() != BoundProblem.UNLIMITED && s > 1) {
      return false;
    }
    for (int l = 0; l < p.remaining().length; l++) {
      if (a.counts()[l] * s > b.counts()[l]) {
        return false;
      }
    }
    return true;
  }
}
