package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bound problem made smaller without lowering its bound, as flat arrays. Options that cannot
 * launch one node (node bound 0, pool exhausted, one node over a pool limit) and options a pod does
 * not fit on are dropped, since no plan can use them; identical demands and identical options are
 * merged; then options another one makes redundant are dropped (see {@link Dominance}). Demands
 * with no option left are unplaceable.
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
    boolean[] usable = new boolean[all.size()];
    for (int o = 0; o < all.size(); o++) {
      usable[o] = launchable(all.get(o), problem.pools());
    }
    // Demands: usable options the pod fits on; identical uncapped demands merged.
    List<long[]> request = new ArrayList<>();
    List<Long> pods = new ArrayList<>();
    List<Long> cap = new ArrayList<>();
    List<int[]> opts = new ArrayList<>();
    Map<DemandKey, Integer> merged = new HashMap<>();
    long unplaceable = 0;
    long[][] rooms = all.stream().map(BoundProblem.Option::room).toArray(long[][]::new);
    int[] reducedOf = new int[problem.demands().size()];
    Arrays.fill(reducedOf, -1);
    for (int index = 0; index < problem.demands().size(); index++) {
      BoundProblem.Demand d = problem.demands().get(index);
      if (d.pods() == 0) {
        continue;
      }
      int[] fit = usableFits(d, rooms, usable);
      if (fit.length == 0) {
        unplaceable += d.pods();
        continue;
      }
      long c = BoundProblem.UNLIMITED;
      for (int o : fit) {
        if (capBinds(d.perNodeCap(), d.request(), all.get(o).room())) {
          c = d.perNodeCap();
          break;
        }
      }
      if (c == BoundProblem.UNLIMITED) {
        DemandKey key = new DemandKey(d.request(), fit);
        Integer k = merged.get(key);
        if (k != null) {
          pods.set(k, pods.get(k) + d.pods());
          reducedOf[index] = k;
          continue;
        }
        merged.put(key, pods.size());
      }
      reducedOf[index] = pods.size();
      request.add(d.request());
      pods.add(d.pods());
      cap.add(c);
      opts.add(fit);
    }
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
        redundant(merged2, servedBy, problem.pools(), request, cap, dominance, dims);
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

  /** A demand's request and options, compared by content. */
  private record DemandKey(long[] request, int[] options) {
    @Override
    public boolean equals(Object o) {
      return o instanceof DemandKey k
          && Arrays.equals(request, k.request)
          && Arrays.equals(options, k.options);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(request) + Arrays.hashCode(options);
    }
  }

  /** The demand's options, ascending and without repeats, that can launch and hold one pod. */
  private static int[] usableFits(BoundProblem.Demand d, long[][] rooms, boolean[] usable) {
    int[] sorted = d.options().clone();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      int o = sorted[i];
      if ((i == 0 || o != sorted[i - 1]) && usable[o] && Dimensions.fits(d.request(), rooms[o])) {
        sorted[n++] = o;
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  private static long saturatedSum(long a, long b) {
    long s = a + b;
    return s < 0 || s >= BoundProblem.UNLIMITED ? BoundProblem.UNLIMITED : s;
  }

  /** Can at least one node of this kind be launched? */
  private static boolean launchable(BoundProblem.Option o, List<BoundProblem.Pool> pools) {
    if (o.maxNodes() == 0) {
      return false;
    }
    if (o.pool() == BoundProblem.NO_POOL) {
      return true;
    }
    BoundProblem.Pool p = pools.get(o.pool());
    if (p.maxNodes() == 0) {
      return false;
    }
    for (int l = 0; l < p.remaining().length; l++) {
      if (o.counts()[l] > p.remaining()[l]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Marks options made redundant by another that is still kept at that moment; since each removal
   * only moves an option's nodes onto one still present, removing them in this order never lowers
   * the bound.
   */
  private static boolean[] redundant(
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
        if (capBinds(cap.get(i), request.get(i), a.room())) {
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
