package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demand step of a {@link BoundReduction}: each demand with pods, with the options that can
 * launch one node and hold one of its pods, and identical uncapped demands merged. Kept apart from
 * the option steps because it decides which demands exist at all (the rest are unplaceable), which
 * the option steps then build on.
 *
 * @param request per reduced demand, what one pod asks for
 * @param pods per reduced demand, its pods (merged demands summed)
 * @param cap per reduced demand, its per-node cap, {@link BoundProblem#UNLIMITED} when none can
 *     bind
 * @param options per reduced demand, the options (positions in the problem) it may use, ascending
 * @param unplaceable pods of demands with no usable option
 * @param reducedOf per demand of the problem, its position here (-1: no pods, or no usable option)
 */
record ReducedDemands(
    List<long[]> request,
    List<Long> pods,
    List<Long> cap,
    List<int[]> options,
    long unplaceable,
    int[] reducedOf) {

  /** The problem's demands, reduced. */
  static ReducedDemands of(BoundProblem problem) {
    List<BoundProblem.Option> all = problem.options();
    boolean[] usable = new boolean[all.size()];
    for (int o = 0; o < all.size(); o++) {
      usable[o] = launchable(all.get(o), problem.pools());
    }
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
        if (BoundReduction.capBinds(d.perNodeCap(), d.request(), all.get(o).room())) {
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
    return new ReducedDemands(request, pods, cap, opts, unplaceable, reducedOf);
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
}
