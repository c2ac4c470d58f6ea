package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain LP lower bound of a {@link BoundProblem}: pods are spread over node kinds in any
 * fractions and a kind's node count only has to cover, per resource, what is assigned to it, within
 * per-node caps, node bounds and pool limits. Minimise the price of the nodes.
 *
 * <p>Solved by aggregation: demands that share their options and (for capped ones) their ratio of
 * pods to cap are grouped into clusters that must split the same way over the node kinds, which
 * gives a small LP (an upper estimate). Its duals are turned into a feasible dual solution of the
 * full LP (so a valid lower bound whatever the solver's accuracy), and clusters whose members would
 * choose different kinds at those prices are split, until the two agree. When some pods cannot be
 * placed at all (limits), a first program finds how many can, and the bound is the cost of placing
 * at least that many.
 */
final class PlainLpBound {
  /** Rounds of splitting before the bound reached is returned as it is. */
  static final int MAX_ROUNDS = 40;

  private static final double TOLERANCE = 1e-9;

  /**
   * The bound, USD per hour, on any plan that places at least {@code assumedPods} of the request's
   * pods ({@code placeablePods} have an option at all); {@code exact} when it is the LP's optimum
   * (within 1e-9 relative), else a smaller valid bound.
   */
  record Result(
      double bound,
      long assumedPods,
      long placeablePods,
      boolean exact,
      int rounds,
      DualPrices prices) {}

  /**
   * The dual prices that certify the bound: per pod of each demand of the problem (by position; 0
   * for pods that cannot be placed), per pool and limit per unit left, per pool per node left, and
   * per pod left unplaced. The configuration LP starts from them.
   */
  record DualPrices(double[] perPod, double[][] pool, double[] poolNodes, double unplaced) {
    static DualPrices none(BoundProblem problem) {
      double[][] pool = new double[problem.pools().size()][];
      for (int p = 0; p < pool.length; p++) {
        pool[p] = new double[problem.pools().get(p).remaining().length];
      }
      return new DualPrices(new double[problem.demands().size()], pool, new double[pool.length], 0);
    }
  }

  private final BoundReduction r;
  private final long total;
  private int rounds;

  private PlainLpBound(BoundReduction reduced) {
    this.r = reduced;
    this.total = reduced.placeablePods();
  }

  /** The bound over plans that place as many pods as the LP can. */
  static Result solve(BoundProblem problem) {
    return solve(problem, Long.MAX_VALUE);
  }

  /**
   * The bound over plans that place at least {@code requiredPods} pods (capped at what the LP can
   * place, which no plan exceeds).
   */
  static Result solve(BoundProblem problem, long requiredPods) {
    return new PlainLpBound(BoundReduction.of(problem, BoundReduction.Dominance.PER_DOLLAR))
        .run(problem, requiredPods);
  }

  private Result run(BoundProblem problem, long requiredPods) {
    if (total == 0) {
      return new Result(0, 0, 0, true, 0, DualPrices.none(problem));
    }
    if (!r.placementLimited() && requiredPods >= total) {
      Outcome cost = optimise(PlainLpMaster.Phase.COST, total, initialClusters());
      return new Result(
          Math.max(0, cost.bound), total, total, cost.exact, rounds, prices(problem, cost.cert));
    }
    Outcome placement = optimise(PlainLpMaster.Phase.PLACEMENT, 0, initialClusters());
    long placeable = (long) Math.floor(total - placement.value + 1e-6);
    long required = Math.max(0, Math.min(requiredPods, placeable));
    // The clusters that placed that many pods keep the costed master feasible.
    Outcome cost = optimise(PlainLpMaster.Phase.LIMITED_COST, required, placement.clusters);
    return new Result(
        Math.max(0, cost.bound),
        required,
        total,
        cost.exact && placement.exact,
        rounds,
        prices(problem, cost.cert));
  }

  private DualPrices prices(BoundProblem problem, PlainLpCertificate cert) {
    double[] perPod = new double[problem.demands().size()];
    for (int i = 0; i < perPod.length; i++) {
      int k = r.reducedOf[i];
      perPod[i] = k < 0 ? 0 : cert.perPod[k];
    }
    return new DualPrices(perPod, cert.pi, cert.nu, Math.max(0, cert.sigma));
  }

  /**
   * The master's value (an upper estimate), the certified lower bound, and the clusters of the
   * master that reached that value.
   */
  private record Outcome(
      double value,
      double bound,
      boolean exact,
      List<PlainLpCluster> clusters,
      PlainLpCertificate cert) {}

  private Outcome optimise(PlainLpMaster.Phase phase, long required, List<PlainLpCluster> start) {
    List<PlainLpCluster> clusters = start;
    Outcome best = null;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      rounds++;
      PlainLpMaster master = new PlainLpMaster(r, total, clusters, phase, required);
      LinearProgram.Solution s = master.lp.solve();
      if (!s.optimal()) {
        if (best != null) {
          // Every certificate so far is a valid bound; the best of them stands.
          return best;
        }
        throw new IllegalStateException(
            "plain LP master not solved (" + phase + "; ojalgo: " + s.state() + ")");
      }
      PlainLpCertificate cert = master.certificate(s);
      double gap = s.value() - cert.bound;
      if (gap <= TOLERANCE * Math.max(1, Math.abs(s.value()))) {
        return new Outcome(s.value(), cert.bound, true, clusters, cert);
      }
      if (best == null || cert.bound > best.bound) {
        best = new Outcome(s.value(), cert.bound, false, clusters, cert);
      }
      boolean grew = master.addPricedColumns(s, cert);
      List<PlainLpCluster> split = split(master, s, cert);
      if (split.size() == clusters.size() && !grew) {
        break;
      }
      clusters = split;
    }
    return best;
  }

  /**
   * Per option set and cap ratio, demands grouped by their cheapest option when alone; each cluster
   * also starts with its cheapest option that no bound or pool limits, so it can always be placed.
   */
  private List<PlainLpCluster> initialClusters() {
    Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
    for (int k = 0; k < r.demandCount(); k++) {
      int best = -1;
      int bestFree = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      double bestFreeCost = Double.POSITIVE_INFINITY;
      for (int o : r.options[k]) {
        double share = 0;
        for (int d = 0; d < r.dims; d++) {
          if (r.request[k][d] > 0) {
            share = Math.max(share, (double) r.request[k][d] / r.room[o][d]);
          }
        }
        if (BoundReduction.capBinds(r.cap[k], r.request[k], r.room[o])) {
          share = Math.max(share, 1.0 / r.cap[k]);
        }
        double cost = r.price[o] * share;
        if (cost < bestCost) {
          bestCost = cost;
          best = o;
        }
        if (r.bound[o] == BoundProblem.UNLIMITED && !r.poolLimited(o) && cost < bestFreeCost) {
          bestFreeCost = cost;
          bestFree = o;
        }
      }
      groups.computeIfAbsent(List.of(groupKey(k), best, bestFree), x -> new ArrayList<>()).add(k);
    }
    List<PlainLpCluster> clusters = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Integer>> e : groups.entrySet()) {
      BitSet columns = new BitSet();
      columns.set((Integer) e.getKey().get(1));
      clusters.add(
          new PlainLpCluster(
              r,
              e.getValue().stream().mapToInt(Integer::intValue).toArray(),
              columns,
              (Integer) e.getKey().get(2)));
    }
    return clusters;
  }

  /** Demands may share a cluster when their options and their pods-to-cap ratios are equal. */
  private Object groupKey(int k) {
    String ratio = "-";
    if (r.cap[k] != BoundProblem.UNLIMITED) {
      long g = gcd(r.pods[k], r.cap[k]);
      ratio = r.pods[k] / g + "/" + r.cap[k] / g;
    }
    return List.of(Arrays.toString(r.options[k]), ratio);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /**
   * Splits every cluster whose members have no common cheapest option at the certificate's prices;
   * members go with the option most of them find cheapest, and each part keeps that option and the
   * options its cluster used in the master.
   */
  private List<PlainLpCluster> split(
      PlainLpMaster master, LinearProgram.Solution s, PlainLpCertificate cert) {
    List<PlainLpCluster> clusters = master.clusters;
    List<PlainLpCluster> out = new ArrayList<>();
    for (int g = 0; g < clusters.size(); g++) {
      PlainLpCluster c = clusters.get(g);
      int width = c.options.length + 1;
      boolean[][] cheapest = new boolean[c.members.length][];
      int[] votes = new int[width];
      for (int i = 0; i < c.members.length; i++) {
        cheapest[i] = cert.cheapest(g, c, c.members[i]);
        for (int j = 0; j < width; j++) {
          votes[j] += cheapest[i][j] ? 1 : 0;
        }
      }
      boolean common = false;
      for (int v : votes) {
        common |= v == c.members.length;
      }
      if (common) {
        out.add(c);
        continue;
      }
      Map<Integer, List<Integer>> byLabel = new LinkedHashMap<>();
      for (int i = 0; i < c.members.length; i++) {
        int label = -1;
        for (int j = 0; j < width; j++) {
          if (cheapest[i][j] && (label < 0 || votes[j] > votes[label])) {
            label = j;
          }
        }
        byLabel.computeIfAbsent(label, x -> new ArrayList<>()).add(c.members[i]);
      }
      BitSet used = new BitSet();
      if (master.fixed[g] >= 0) {
        used.set(master.fixed[g]);
      }
      for (int j = 0; j < c.options.length; j++) {
        int v = master.column[g][j];
        if (v >= 0 && s.x()[v] > 0) {
          used.set(c.options[j]);
        }
      }
      for (Map.Entry<Integer, List<Integer>> e : byLabel.entrySet()) {
        BitSet columns = (BitSet) used.clone();
        if (e.getKey() < c.options.length) {
          columns.set(c.options[e.getKey()]);
        }
        out.add(
            new PlainLpCluster(
                r, e.getValue().stream().mapToInt(Integer::intValue).toArray(), columns, c.free));
      }
    }
    return out;
  }
}
