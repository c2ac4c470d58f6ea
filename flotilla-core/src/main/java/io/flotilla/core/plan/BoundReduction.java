package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bound problem made smaller without lowering its bound, as flat arrays. Options that cannot
 * launch one node (node bound 0, pool exhausted, one node over a pool limit) and options a pod does
 * not fit on are dropped, since no plan can use them; identical demands and identical options are
 * merged; then options another one makes redundant are dropped (see {@link Dominance}). Demands
 * with no option left are unplaceable.
 *
 * <p>The demand step is {@link ReducedDemands}, the dominance step {@link RedundantOptions}; the
 * option merging between them, and the flat arrays the bounds read, are here.
 */
final class BoundReduction {
  /** Which redundancy is safe to remove depends on whether node counts may be fractional. */
  enum Dominance {
    /**
     * For the plain LP, whose node counts are fractional: a node kind is redundant when another,
     * unbounded one serves the same demands and gives at least as much of every resource per dollar
     * (and, where a per-node cap or a pool's counts could bind, at least as many nodes or as little
     * of the pool per dollar).
     */
    PER_DOLLAR,
    /** For whole-node patterns: another unbounded kind has as much room and costs no more. */
    PER_NODE
  }

  final int dims;
  final long[][] request;
  final long[] pods;

  /** Per demand its per-node cap, {@link BoundProblem#UNLIMITED} when none can bind. */
  final long[] cap;

  /** Per demand the options (positions in the arrays below) it may use, ascending. */
  final int[][] options;

  final String[] names;
  final long[][] room;
  final double[] price;
  final long[] bound;
  final int[] pool;
  final long[][] counts;
  final List<BoundProblem.Pool> pools;

  /** Pods of demands with no usable option. */
  final long unplaceable;

  /** Per demand of the problem, its position here (-1: no pods, or no usable option). */
  final int[] reducedOf;

  private BoundReduction(
      int dims,
      List<long[]> request,
      List<Long> pods,
      List<Long> cap,
      List<int[]> options,
      List<BoundProblem.Option> kept,
      List<BoundProblem.Pool> pools,
      long unplaceable,
      int[] reducedOf) {
    this.dims = dims;
    this.reducedOf = reducedOf;
    this.request = request.toArray(long[][]::new);
    this.pods = pods.stream().mapToLong(Long::longValue).toArray();
    this.cap = cap.stream().mapToLong(Long::longValue).toArray();
    this.options = options.toArray(int[][]::new);
    this.names = kept.stream().map(BoundProblem.Option::name).toArray(String[]::new);
    this.room = kept.stream().map(BoundProblem.Option::room).toArray(long[][]::new);
    this.price = kept.stream().mapToDouble(BoundProblem.Option::price).toArray();
    this.bound = kept.stream().mapToLong(BoundProblem.Option::maxNodes).toArray();
    this.pool = kept.stream().mapToInt(BoundProblem.Option::pool).toArray();
    this.counts = kept.stream().map(BoundProblem.Option::counts).toArray(long[][]::new);
    this.pools = pools;
    this.unplaceable = unplaceable;
  }

  int demandCount() {
    return pods.length;
  }

  int optionCount() {
    return price.length;
  }

  long placeablePods() {
    long n = 0;
    for (long p : pods) {
      n += p;
    }
    return n;
  }

  boolean poolLimited(int option) {
    return pool[option] != BoundProblem.NO_POOL && pools.get(pool[option]).limited();
  }

  /**
   * Whether some pods may have to stay unplaced: a demand none of whose options is an unbounded
   * kind outside every limited pool.
   */
  boolean placementLimited() {
    for (int[] opts : options) {
      boolean free = false;
      for (int o : opts) {
        if (bound[o] == BoundProblem.UNLIMITED && !poolLimited(o)) {
          free = true;
          break;
        }
      }
      if (!free) {
        return true;
      }
    }
    return false;
  }

  /** Can a per-node cap bind on this node, i.e. could more than {@code cap} pods fit on it? */
  static boolean capBinds(long cap, long[] request, long[] room) {
    if (cap == BoundProblem.UNLIMITED) {
      return false;
    }
    for (int d = 0; d < request.length; d++) {
      if (request[d] > 0 && (double) cap * request[d] >= room[d]) {
        return false;
      }
    }
    return true;
  }

  static BoundReduction of(BoundProblem problem, Dominance dominance) {
    int dims = problem.dims();
    List<BoundProblem.Option> all = problem.options();
    // Demands: usable options the pod fits on; identical uncapped demands merged.
    ReducedDemands demands = ReducedDemands.of(problem);
    List<long[]> request = demands.request();
    List<Long> pods = demands.pods();
    List<Long> cap = demands.cap();
    List<int[]> opts = demands.options();
    long unplaceable = demands.unplaceable();
    int[] reducedOf = demands.reducedOf();
    // Options: the ones some demand uses, identical ones merged, redundant ones dropped.
    int k = pods.size();
    BitSet[] served = new BitSet[all.size()];
    for (int i = 0; i < k; i++) {
      for (int o : opts.get(i)) {
        if (served[o] == null) {
          served[o] = new BitSet(k);
        }
        served[o].set(i);
      }
    }
    Map<List<Object>, Integer> identical = new LinkedHashMap<>();
    List<BoundProblem.Option> merged2 = new ArrayList<>();
    List<BitSet> servedBy = new ArrayList<>();
    int[] mergedInto = new int[all.size()];
    Arrays.fill(mergedInto, -1);
    for (int o = 0; o < all.size(); o++) {
      if (served[o] == null) {
        continue;
      }
      BoundProblem.Option opt = all.get(o);
      List<Object> key =
          List.of(
              Arrays.toString(opt.room()),
              Double.doubleToLongBits(opt.price()),
              opt.pool(),
              Arrays.toString(opt.counts()),
              served[o]);
      Integer into = identical.get(key);
      if (into == null) {
        identical.put(key, merged2.size());
        mergedInto[o] = merged2.size();
        merged2.add(opt);
        servedBy.add(served[o]);
      } else {
        BoundProblem.Option had = merged2.get(into);
        long sum =
            had.bounded() && opt.bounded()
                ? saturatedSum(had.maxNodes(), opt.maxNodes())
                : BoundProblem.UNLIMITED;
        merged2.set(
            into,
            new BoundProblem.Option(
                had.name(), had.room(), had.price(), sum, had.pool(), had.counts()));
        mergedInto[o] = into;
      }
    }
    boolean[] removed =
        RedundantOptions.marked(merged2, servedBy, problem.pools(), request, cap, dominance, dims);
    int[] position = new int[merged2.size()];
    List<BoundProblem.Option> kept = new ArrayList<>();
    for (int o = 0; o < merged2.size(); o++) {
      position[o] = removed[o] ? -1 : kept.size();
      if (!removed[o]) {
        kept.add(merged2.get(o));
      }
    }
    List<int[]> remapped = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      remapped.add(
          Arrays.stream(opts.get(i))
              .map(o -> position[mergedInto[o]])
              .filter(o -> o >= 0)
              .distinct()
              .sorted()
              .toArray());
    }
    return new BoundReduction(
        dims, request, pods, cap, remapped, kept, problem.pools(), unplaceable, reducedOf);
  }

  private static long saturatedSum(long a, long b) {
    long s = a + b;
    return s < 0 || s >= BoundProblem.UNLIMITED ? BoundProblem.UNLIMITED : s;
  }
}
