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
      Outcome cost = optimise(Phase.COST, total, initialClusters());
      return new Result(
          Math.max(0, cost.bound), total, total, cost.exact, rounds, prices(problem, cost.cert));
    }
    Outcome placement = optimise(Phase.PLACEMENT, 0, initialClusters());
    long placeable = (long) Math.floor(total - placement.value + 1e-6);
    long required = Math.max(0, Math.min(requiredPods, placeable));
    // The clusters that placed that many pods keep the costed master feasible.
    Outcome cost = optimise(Phase.LIMITED_COST, required, placement.clusters);
    return new Result(
        Math.max(0, cost.bound),
        required,
        total,
        cost.exact && placement.exact,
        rounds,
        prices(problem, cost.cert));
  }

  private DualPrices prices(BoundProblem problem, Certificate cert) {
    double[] perPod = new double[problem.demands().size()];
    for (int i = 0; i < perPod.length; i++) {
      int k = r.reducedOf[i];
      perPod[i] = k < 0 ? 0 : cert.perPod[k];
    }
    return new DualPrices(perPod, cert.pi, cert.nu, Math.max(0, cert.sigma));
  }

  /**
   * COST: every pod placed, minimise price. PLACEMENT: minimise unplaced pods, nodes free.
   * LIMITED_COST: minimise price with at most {@code total - required} pods unplaced.
   */
  private enum Phase {
    COST,
    PLACEMENT,
    LIMITED_COST
  }

  /**
   * The master's value (an upper estimate), the certified lower bound, and the clusters of the
   * master that reached that value.
   */
  private record Outcome(
      double value, double bound, boolean exact, List<Cluster> clusters, Certificate cert) {}

  /** Demands that split the same way in the master: one option set, one pods-to-cap ratio. */
  private final class Cluster {
    final int[] members;
    final int[] options;
    final BitSet columns;

    /** An option no bound or pool limits (-1: none), kept as a column so the cluster fits. */
    final int free;

    final long pods;
    final double[] load;

    /** Pods per node the cap allows at most, relative to the cluster: pods / cap (0: uncapped). */
    final double rho;

    Cluster(int[] members, BitSet columns, int free) {
      this.members = members;
      this.options = r.options[members[0]];
      this.columns = columns;
      this.free = free;
      if (free >= 0) {
        columns.set(free);
      }
      long p = 0;
      double[] l = new double[r.dims];
      for (int k : members) {
        p += r.pods[k];
        for (int d = 0; d < r.dims; d++) {
          l[d] += (double) r.request[k][d] * r.pods[k];
        }
      }
      this.pods = p;
      this.load = l;
      int k0 = members[0];
      this.rho = r.cap[k0] == BoundProblem.UNLIMITED ? 0 : (double) r.pods[k0] / r.cap[k0];
    }

    boolean capRow(int o) {
      if (rho == 0) {
        return false;
      }
      for (int k : members) {
        if (BoundReduction.capBinds(r.cap[k], r.request[k], r.room[o])) {
          return true;
        }
      }
      return false;
    }
  }

  private Outcome optimise(Phase phase, long required, List<Cluster> start) {
    List<Cluster> clusters = start;
    Outcome best = null;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      rounds++;
      Master master = new Master(clusters, phase, required);
      LinearProgram.Solution s = master.lp.solve();
      if (!s.optimal()) {
        throw new IllegalStateException(
            "plain LP master not solved (" + phase + "; ojalgo: " + s.state() + ")");
      }
      Certificate cert = master.certificate(s);
      double gap = s.value() - cert.bound;
      if (gap <= TOLERANCE * Math.max(1, Math.abs(s.value()))) {
        return new Outcome(s.value(), cert.bound, true, clusters, cert);
      }
      if (best == null || cert.bound > best.bound) {
        best = new Outcome(s.value(), cert.bound, false, clusters, cert);
      }
      boolean grew = master.addPricedColumns(s, cert);
      List<Cluster> split = split(master, s, cert);
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
  private List<Cluster> initialClusters() {
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
    List<Cluster> clusters = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Integer>> e : groups.entrySet()) {
      BitSet columns = new BitSet();
      columns.set((Integer) e.getKey().get(1));
      clusters.add(
          new Cluster(
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
  private List<Cluster> split(Master master, LinearProgram.Solution s, Certificate cert) {
    List<Cluster> clusters = master.clusters;
    List<Cluster> out = new ArrayList<>();
    for (int g = 0; g < clusters.size(); g++) {
      Cluster c = clusters.get(g);
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
            new Cluster(
                e.getValue().stream().mapToInt(Integer::intValue).toArray(), columns, c.free));
      }
    }
    return out;
  }

  /** The aggregated LP of one round, and where each of its rows and columns sits. */
  private final class Master {
    final List<Cluster> clusters;
    final Phase phase;
    final long required;
    final LinearProgram lp;
    final int[][] column;
    final int[] slack;
    final int[] clusterRow;
    final int[][] capacityRow;
    final int[][] capRow;
    final int[][] poolRow;
    final int[] poolNodeRow;
    final int placedRow;
    final double[] unitCost;

    /** Per cluster, the one option it is fixed to (-1: it has variables and a row). */
    final int[] fixed;

    Master(List<Cluster> clusters, Phase phase, long required) {
      this.clusters = clusters;
      this.phase = phase;
      this.required = required;
      int o = r.optionCount();
      int vars = o;
      column = new int[clusters.size()][];
      fixed = new int[clusters.size()];
      double[][] fixedLoad = new double[o][r.dims];
      for (int g = 0; g < clusters.size(); g++) {
        Cluster c = clusters.get(g);
        column[g] = new int[c.options.length];
        Arrays.fill(column[g], -1);
        // An uncapped cluster with one option, when every pod must be placed, puts all its pods
        // there: its load is a constant of that option's rows, not a variable.
        fixed[g] =
            phase == Phase.COST && c.rho == 0 && c.columns.cardinality() == 1
                ? c.columns.nextSetBit(0)
                : -1;
        if (fixed[g] >= 0) {
          for (int d = 0; d < r.dims; d++) {
            fixedLoad[fixed[g]][d] += c.load[d];
          }
          continue;
        }
        for (int j = 0; j < c.options.length; j++) {
          column[g][j] = c.columns.get(c.options[j]) ? vars++ : -1;
        }
      }
      boolean slacks = phase != Phase.COST;
      slack = new int[clusters.size()];
      for (int g = 0; g < clusters.size(); g++) {
        slack[g] = slacks ? vars++ : -1;
      }
      lp = new LinearProgram(vars);
      unitCost = new double[o];
      for (int i = 0; i < o; i++) {
        unitCost[i] = phase == Phase.PLACEMENT ? 0 : r.price[i];
        lp.cost(i, unitCost[i]);
        if (r.bound[i] != BoundProblem.UNLIMITED) {
          lp.upper(i, r.bound[i]);
        }
      }
      for (int g = 0; g < clusters.size(); g++) {
        if (slacks) {
          lp.upper(slack[g], 1);
          lp.cost(slack[g], phase == Phase.PLACEMENT ? clusters.get(g).pods : 0);
        }
      }
      clusterRow = new int[clusters.size()];
      for (int g = 0; g < clusters.size(); g++) {
        if (fixed[g] >= 0) {
          clusterRow[g] = -1;
          continue;
        }
        List<Integer> idx = new ArrayList<>();
        for (int v : column[g]) {
          if (v >= 0) {
            idx.add(v);
          }
        }
        if (slacks) {
          idx.add(slack[g]);
        }
        clusterRow[g] = lp.row(ints(idx), filled(idx.size(), -1), -1);
      }
      capacityRow = new int[o][r.dims];
      capRow = new int[clusters.size()][];
      for (int[] row : capacityRow) {
        Arrays.fill(row, -1);
      }
      List<List<Integer>> users = new ArrayList<>();
      for (int i = 0; i < o; i++) {
        users.add(new ArrayList<>());
      }
      for (int g = 0; g < clusters.size(); g++) {
        for (int j = 0; j < column[g].length; j++) {
          if (column[g][j] >= 0) {
            users.get(clusters.get(g).options[j]).add(g);
          }
        }
      }
      for (int i = 0; i < o; i++) {
        for (int d = 0; d < r.dims; d++) {
          if (r.room[i][d] == 0) {
            continue;
          }
          List<Integer> idx = new ArrayList<>();
          List<Double> val = new ArrayList<>();
          idx.add(i);
          val.add(-1.0);
          for (int g : users.get(i)) {
            Cluster c = clusters.get(g);
            if (c.load[d] > 0) {
              idx.add(column[g][Arrays.binarySearch(c.options, i)]);
              val.add(c.load[d] / r.room[i][d]);
            }
          }
          if (idx.size() > 1 || fixedLoad[i][d] > 0) {
            capacityRow[i][d] = lp.row(ints(idx), doubles(val), -fixedLoad[i][d] / r.room[i][d]);
          }
        }
      }
      for (int g = 0; g < clusters.size(); g++) {
        Cluster c = clusters.get(g);
        capRow[g] = new int[c.options.length];
        Arrays.fill(capRow[g], -1);
        for (int j = 0; j < c.options.length; j++) {
          if (column[g][j] >= 0 && c.capRow(c.options[j])) {
            capRow[g][j] =
                lp.row(new int[] {column[g][j], c.options[j]}, new double[] {c.rho, -1}, 0);
          }
        }
      }
      poolRow = new int[r.pools.size()][];
      poolNodeRow = new int[r.pools.size()];
      for (int p = 0; p < r.pools.size(); p++) {
        BoundProblem.Pool pool = r.pools.get(p);
        poolRow[p] = new int[pool.remaining().length];
        Arrays.fill(poolRow[p], -1);
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < o; i++) {
          if (r.pool[i] == p) {
            members.add(i);
          }
        }
        for (int l = 0; l < pool.remaining().length; l++) {
          long left = pool.remaining()[l];
          List<Integer> idx = new ArrayList<>();
          List<Double> val = new ArrayList<>();
          for (int i : members) {
            if (r.counts[i][l] > 0) {
              idx.add(i);
              val.add((double) r.counts[i][l] / left);
            }
          }
          if (!idx.isEmpty()) {
            poolRow[p][l] = lp.row(ints(idx), doubles(val), 1);
          }
        }
        poolNodeRow[p] =
            pool.maxNodes() == BoundProblem.UNLIMITED || members.isEmpty()
                ? -1
                : lp.row(ints(members), filled(members.size(), 1), pool.maxNodes());
      }
      if (phase == Phase.LIMITED_COST) {
        List<Integer> idx = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        for (int g = 0; g < clusters.size(); g++) {
          idx.add(slack[g]);
          val.add((double) clusters.get(g).pods / total);
        }
        placedRow = lp.row(ints(idx), doubles(val), (double) (total - required) / total + 1e-9);
      } else {
        placedRow = -1;
      }
    }

    /** Turns the master's duals into a feasible dual solution of the full LP and its value. */
    Certificate certificate(LinearProgram.Solution s) {
      double[] lambda = s.duals();
      int o = r.optionCount();
      double[][] y = new double[o][r.dims];
      double[] capTotal = new double[o];
      double[][] omega = new double[clusters.size()][];
      for (int i = 0; i < o; i++) {
        for (int d = 0; d < r.dims; d++) {
          if (capacityRow[i][d] >= 0) {
            y[i][d] = lambda[capacityRow[i][d]] / r.room[i][d];
          }
        }
      }
      for (int g = 0; g < clusters.size(); g++) {
        omega[g] = new double[clusters.get(g).options.length];
        for (int j = 0; j < omega[g].length; j++) {
          if (capRow[g][j] >= 0) {
            omega[g][j] = lambda[capRow[g][j]];
            capTotal[clusters.get(g).options[j]] += omega[g][j];
          }
        }
      }
      double[][] pi = new double[r.pools.size()][];
      double[] nu = new double[r.pools.size()];
      double bound = 0;
      for (int p = 0; p < r.pools.size(); p++) {
        BoundProblem.Pool pool = r.pools.get(p);
        pi[p] = new double[pool.remaining().length];
        for (int l = 0; l < pi[p].length; l++) {
          if (poolRow[p][l] >= 0) {
            pi[p][l] = lambda[poolRow[p][l]] / pool.remaining()[l];
            bound -= pi[p][l] * pool.remaining()[l];
          }
        }
        if (poolNodeRow[p] >= 0) {
          nu[p] = lambda[poolNodeRow[p]];
          bound -= nu[p] * pool.maxNodes();
        }
      }
      double sigma = placedRow >= 0 ? lambda[placedRow] / total : 0;
      bound -= sigma * (total - required);
      priceUnloaded(y, pi, nu, capTotal);
      // A node kind's dual row: what its room and caps are worth at these prices may not exceed
      // its price plus what the pools charge for it; the excess is paid by the node bound, or
      // prices on that kind are scaled down.
      double[] scale = new double[o];
      for (int i = 0; i < o; i++) {
        double worth = capTotal[i];
        for (int d = 0; d < r.dims; d++) {
          worth += r.room[i][d] * y[i][d];
        }
        double charged = 0;
        if (r.pool[i] != BoundProblem.NO_POOL) {
          for (int l = 0; l < pi[r.pool[i]].length; l++) {
            charged += r.counts[i][l] * pi[r.pool[i]][l];
          }
          charged += nu[r.pool[i]];
        }
        double excess = worth - charged - unitCost[i];
        scale[i] = 1;
        if (excess > 0) {
          if (r.bound[i] != BoundProblem.UNLIMITED) {
            bound -= excess * r.bound[i];
          } else {
            scale[i] = (unitCost[i] + charged) / worth;
          }
        }
      }
      double slackPrice =
          switch (phase) {
            case COST -> Double.POSITIVE_INFINITY;
            case PLACEMENT -> 1;
            case LIMITED_COST -> sigma;
          };
      Certificate cert = new Certificate(y, omega, scale, slackPrice, clusters);
      for (int g = 0; g < clusters.size(); g++) {
        for (int k : clusters.get(g).members) {
          cert.perPod[k] = cert.price(g, clusters.get(g), k);
          bound += r.pods[k] * cert.perPod[k];
        }
      }
      cert.bound = bound;
      cert.pi = pi;
      cert.nu = nu;
      cert.sigma = phase == Phase.LIMITED_COST ? sigma : 0;
      return cert;
    }

    /**
     * Prices the options no cluster loads, which the master leaves at zero: each gets the single
     * resource price (a vertex of its dual constraint) that values its demands highest, given what
     * they pay elsewhere.
     */
    private void priceUnloaded(double[][] y, double[][] pi, double[] nu, double[] capTotal) {
      int o = r.optionCount();
      boolean[] loaded = new boolean[o];
      for (int i = 0; i < o; i++) {
        for (int d = 0; d < r.dims; d++) {
          loaded[i] |= capacityRow[i][d] >= 0;
        }
        loaded[i] |= capTotal[i] > 0;
      }
      double[] elsewhere = new double[r.demandCount()];
      Arrays.fill(elsewhere, Double.POSITIVE_INFINITY);
      for (int k = 0; k < r.demandCount(); k++) {
        for (int i : r.options[k]) {
          if (loaded[i]) {
            double v = 0;
            for (int d = 0; d < r.dims; d++) {
              v += r.request[k][d] * y[i][d];
            }
            elsewhere[k] = Math.min(elsewhere[k], v);
          }
        }
      }
      List<List<Integer>> served = new ArrayList<>();
      for (int i = 0; i < o; i++) {
        served.add(new ArrayList<>());
      }
      for (int k = 0; k < r.demandCount(); k++) {
        for (int i : r.options[k]) {
          if (!loaded[i]) {
            served.get(i).add(k);
          }
        }
      }
      for (int i = 0; i < o; i++) {
        if (loaded[i] || served.get(i).isEmpty()) {
          continue;
        }
        double budget = unitCost[i];
        if (r.pool[i] != BoundProblem.NO_POOL) {
          for (int l = 0; l < pi[r.pool[i]].length; l++) {
            budget += r.counts[i][l] * pi[r.pool[i]][l];
          }
          budget += nu[r.pool[i]];
        }
        int bestDim = -1;
        double bestWorth = 0;
        for (int d = 0; d < r.dims; d++) {
          if (r.room[i][d] == 0) {
            continue;
          }
          double unit = budget / r.room[i][d];
          double worth = 0;
          for (int k : served.get(i)) {
            worth += r.pods[k] * Math.min(elsewhere[k], r.request[k][d] * unit);
          }
          if (worth > bestWorth) {
            bestWorth = worth;
            bestDim = d;
          }
        }
        if (bestDim >= 0) {
          y[i][bestDim] = budget / r.room[i][bestDim];
        }
      }
    }

    /** The dual of a cluster's row; for a fixed cluster, what its one option charges it. */
    private double clusterDual(LinearProgram.Solution s, Certificate cert, int g) {
      if (clusterRow[g] >= 0) {
        return s.duals()[clusterRow[g]];
      }
      double u = 0;
      for (int d = 0; d < r.dims; d++) {
        u += clusters.get(g).load[d] * cert.y[fixed[g]][d];
      }
      return u;
    }

    /** Adds, per cluster, the two options whose aggregated columns would lower the master most. */
    boolean addPricedColumns(LinearProgram.Solution s, Certificate cert) {
      boolean grew = false;
      for (int g = 0; g < clusters.size(); g++) {
        Cluster c = clusters.get(g);
        double u = clusterDual(s, cert, g);
        int first = -1;
        int second = -1;
        double firstReduced = -TOLERANCE * Math.max(1, u);
        double secondReduced = firstReduced;
        for (int j = 0; j < c.options.length; j++) {
          int opt = c.options[j];
          if (c.columns.get(opt)) {
            continue;
          }
          double reduced = -u;
          for (int d = 0; d < r.dims; d++) {
            reduced += c.load[d] * cert.y[opt][d];
          }
          if (reduced < firstReduced) {
            second = first;
            secondReduced = firstReduced;
            first = opt;
            firstReduced = reduced;
          } else if (reduced < secondReduced) {
            second = opt;
            secondReduced = reduced;
          }
        }
        for (int opt : new int[] {first, second}) {
          if (opt >= 0) {
            c.columns.set(opt);
            grew = true;
          }
        }
      }
      return grew;
    }
  }

  /** Dual prices of the full LP built from one master, and the bound they certify. */
  private final class Certificate {
    final double[][] y;
    final double[][] omega;
    final double[] scale;
    final double slackPrice;
    final List<Cluster> clusters;
    final double[] perPod = new double[r.demandCount()];
    double bound;
    double[][] pi;
    double[] nu;
    double sigma;

    Certificate(
        double[][] y, double[][] omega, double[] scale, double slackPrice, List<Cluster> clusters) {
      this.y = y;
      this.omega = omega;
      this.scale = scale;
      this.slackPrice = slackPrice;
      this.clusters = clusters;
    }

    /** What demand k's pod is worth on option j of its cluster's list. */
    double on(int g, Cluster c, int k, int j) {
      int o = c.options[j];
      double v = 0;
      for (int d = 0; d < r.dims; d++) {
        v += r.request[k][d] * y[o][d];
      }
      // The cluster's cap dual, shared out so that the members' caps pay exactly for it.
      if (omega[g][j] > 0) {
        v += omega[g][j] * c.rho / c.pods;
      }
      return v * scale[o];
    }

    /** A pod's dual price: its cheapest option, or leaving it unplaced. */
    double price(int g, Cluster c, int k) {
      double best = slackPrice;
      for (int j = 0; j < c.options.length; j++) {
        best = Math.min(best, on(g, c, k, j));
      }
      return best;
    }

    /** Which options (last: unplaced) are cheapest for demand k, within tolerance. */
    boolean[] cheapest(int g, Cluster c, int k) {
      double[] v = new double[c.options.length + 1];
      double best = slackPrice;
      for (int j = 0; j < c.options.length; j++) {
        v[j] = on(g, c, k, j);
        best = Math.min(best, v[j]);
      }
      v[c.options.length] = slackPrice;
      boolean[] out = new boolean[v.length];
      double tol = 1e-9 * Math.max(1e-9, Math.abs(best));
      for (int j = 0; j < v.length; j++) {
        out[j] = v[j] <= best + tol;
      }
      return out;
    }
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double[] doubles(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }
}
