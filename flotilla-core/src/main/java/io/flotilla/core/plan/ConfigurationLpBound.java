package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The configuration LP (Gilmore-Gomory) lower bound of a {@link BoundProblem}: a node is one of its
 * kind's feasible patterns (whole pods of each demand, within the room and the per-node caps), and
 * the LP chooses how many nodes of each pattern, fractionally, to cover the pods at least cost
 * within node bounds and pool limits. Tighter than the plain LP, which lets a node hold fractions
 * of pods.
 *
 * <p>Solved by column generation: the master LP over the patterns found so far, and per node kind a
 * {@link NodeKnapsack} priced with the master's duals. The number returned is a Lagrangian bound
 * built from those duals and an upper bound of every kind's best pattern value (Farley's bound when
 * nothing is bounded or limited), so it is a valid lower bound even when the generation stops early
 * under its budget. The budget counts iterations and search nodes, never time, so the same problem
 * always gives the same number.
 */
final class ConfigurationLpBound {
  /**
   * How much work column generation may do: master solves; branch-and-bound nodes per node kind
   * when pricing an iteration, and when certifying once pricing finds nothing more. Problems with
   * more than {@code maxDemands} distinct demands are not attempted.
   */
  record Budget(int maxIterations, long pricingNodes, long certifyNodes, int maxDemands) {
    static final Budget DEFAULT = new Budget(60, 2_000, 50_000, 600);

    Budget {
      if (maxIterations < 1 || pricingNodes < 0 || certifyNodes < 0 || maxDemands < 0) {
        throw new IllegalArgumentException("bad column generation budget");
      }
    }
  }

  /**
   * The bound (USD per hour) over plans placing at least {@code assumedPods} pods, whether it is
   * the configuration LP's value ({@code converged}: the certificate met the master within 1e-9
   * relative), the iterations used, and whether the problem was attempted at all ({@code attempted}
   * false: too many demands, bound 0).
   */
  record Result(
      double bound, boolean converged, int iterations, long assumedPods, boolean attempted) {}

  private static final double TOLERANCE = 1e-9;

  /** Weight of the best duals so far in the point where pricing happens. */
  private static final double SMOOTHING = 0.7;

  private final BoundReduction r;
  private final Budget budget;
  private final long total;
  private final long required;
  private final boolean limited;
  private final long[][] limit;
  private final int[][] served;
  private final List<Column> columns = new ArrayList<>();
  private final Set<List<Object>> seen = new HashSet<>();

  /** One pattern: nodes of one kind holding the given pods. */
  record Column(int option, int[] demands, long[] counts) {}

  private ConfigurationLpBound(BoundReduction reduced, long requiredPods, Budget budget) {
    this.r = reduced;
    this.budget = budget;
    this.total = reduced.placeablePods();
    this.required = Math.min(requiredPods, total);
    this.limited = reduced.placementLimited() || required < total;
    this.limit = new long[r.optionCount()][];
    for (int o = 0; o < r.optionCount(); o++) {
      limit[o] = new long[r.demandCount()];
    }
    List<List<Integer>> servedBy = new ArrayList<>();
    for (int o = 0; o < r.optionCount(); o++) {
      servedBy.add(new ArrayList<>());
    }
    for (int k = 0; k < r.demandCount(); k++) {
      for (int o : r.options[k]) {
        long fit = Dimensions.copiesThatFit(r.request[k], r.room[o]);
        limit[o][k] = Math.min(fit, Math.min(r.pods[k], r.cap[k]));
        servedBy.get(o).add(k);
      }
    }
    served =
        servedBy.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
  }

  /**
   * The bound over plans that place at least {@code requiredPods} pods; pass the plain LP's {@link
   * PlainLpBound.Result#assumedPods()} so both bounds speak of the same plans.
   */
  static Result solve(BoundProblem problem, long requiredPods, Budget budget) {
    return solve(problem, requiredPods, null, budget);
  }

  /**
   * The bound over the plans the plain LP's result speaks of, starting from its dual prices: at
   * them every node kind's best pattern is worth no more than the node (a fractional fill already
   * is not), so the configuration LP's bound starts at least at the plain LP's.
   */
  static Result solve(BoundProblem problem, PlainLpBound.Result plain, Budget budget) {
    return solve(problem, plain.assumedPods(), plain.prices(), budget);
  }

  private static Result solve(
      BoundProblem problem, long requiredPods, PlainLpBound.DualPrices start, Budget budget) {
    BoundReduction reduced = BoundReduction.of(problem, BoundReduction.Dominance.PER_NODE);
    long total = reduced.placeablePods();
    if (total == 0 || requiredPods <= 0) {
      return new Result(0, true, 0, 0, true);
    }
    if (reduced.demandCount() > budget.maxDemands()) {
      return new Result(0, false, 0, Math.min(requiredPods, total), false);
    }
    return new ConfigurationLpBound(reduced, requiredPods, budget).run(start);
  }

  /** The plain LP's prices on this reduction's demands and options. */
  private ConfigurationLpDuals startingPoint(PlainLpBound.DualPrices plain) {
    double[] perPod = new double[r.demandCount()];
    for (int i = 0; i < r.reducedOf.length; i++) {
      if (r.reducedOf[i] >= 0) {
        perPod[r.reducedOf[i]] = plain.perPod()[i];
      }
    }
    double[][] pi = new double[r.pools.size()][];
    for (int p = 0; p < pi.length; p++) {
      pi[p] = plain.pool()[p].clone();
    }
    ConfigurationLpDuals partial =
        new ConfigurationLpDuals(
            perPod, new double[r.optionCount()], pi, plain.poolNodes().clone(), plain.unplaced());
    double[] charge = new double[r.optionCount()];
    for (int o = 0; o < charge.length; o++) {
      charge[o] = partial.poolCharge(r, o);
    }
    return new ConfigurationLpDuals(perPod, charge, pi, partial.nu(), partial.sigma());
  }

  private Result run(PlainLpBound.DualPrices start) {
    seedColumns();
    double best = 0;
    ConfigurationLpDuals center = null;
    if (start != null) {
      center = startingPoint(start);
      Pricing pricing = price(center, center, budget.pricingNodes());
      best = lagrangian(center, pricing.upper, Double.POSITIVE_INFINITY);
    }
    int iteration = 0;
    while (iteration < budget.maxIterations()) {
      iteration++;
      ConfigurationLpMaster master =
          new ConfigurationLpMaster(r, columns, limited, total, required);
      LinearProgram.Solution s = master.lp.solve();
      if (!s.optimal()) {
        throw new IllegalStateException(
            "configuration LP master not solved (ojalgo: " + s.state() + ")");
      }
      ConfigurationLpDuals current = master.duals(s);
      // Wentges smoothing: price at a point between the best duals so far and the master's, which
      // damps the duals' oscillation; any point gives a valid bound.
      ConfigurationLpDuals at = center == null ? current : center.towards(current, 1 - SMOOTHING);
      Pricing pricing = price(at, current, budget.pricingNodes());
      double bound = lagrangian(at, pricing.upper, s.value());
      if (bound > best) {
        best = bound;
        center = at;
      }
      if (pinned(best, s.value())) {
        return new Result(best, true, iteration, required, true);
      }
      if (!pricing.added && at != current) {
        // Mispricing: the smoothed point found nothing the master lacks; price at its duals.
        pricing = price(current, current, budget.pricingNodes());
        bound = lagrangian(current, pricing.upper, s.value());
        if (bound > best) {
          best = bound;
          center = current;
        }
      }
      if (!pricing.added) {
        // Nothing more found within the small search: search harder, to certify or go on.
        pricing = price(current, current, budget.certifyNodes());
        best = Math.max(best, lagrangian(current, pricing.upper, s.value()));
        if (pinned(best, s.value())) {
          return new Result(best, true, iteration, required, true);
        }
        if (!pricing.added) {
          break;
        }
      }
    }
    return new Result(best, false, iteration, required, true);
  }

  /** The certificate reaches the master's value: the bound is the configuration LP's. */
  private static boolean pinned(double bound, double master) {
    return bound >= master - TOLERANCE * Math.max(1, Math.abs(master));
  }

  /**
   * Starting patterns: per demand, as many pods as fit on its cheapest node kind per pod and on its
   * cheapest unbounded kind outside limited pools; per kind, a greedy fill valued by cost per pod.
   */
  private void seedColumns() {
    double[] alone = new double[r.demandCount()];
    for (int k = 0; k < r.demandCount(); k++) {
      int best = -1;
      int bestFree = -1;
      alone[k] = Double.POSITIVE_INFINITY;
      double bestFreeCost = Double.POSITIVE_INFINITY;
      for (int o : r.options[k]) {
        double perPod = r.price[o] / Math.max(1, limit[o][k]);
        if (perPod < alone[k]) {
          alone[k] = perPod;
          best = o;
        }
        if (r.bound[o] == BoundProblem.UNLIMITED && !r.poolLimited(o) && perPod < bestFreeCost) {
          bestFreeCost = perPod;
          bestFree = o;
        }
      }
      add(new Column(best, new int[] {k}, new long[] {limit[best][k]}));
      if (bestFree >= 0) {
        add(new Column(bestFree, new int[] {k}, new long[] {limit[bestFree][k]}));
      }
    }
    for (int o = 0; o < r.optionCount(); o++) {
      NodeKnapsack.Fill f = knapsack(o, alone).solve(0);
      if (f.demands().length > 0) {
        add(new Column(o, f.demands(), f.counts()));
      }
    }
  }

  private boolean add(Column c) {
    List<Object> key =
        List.of(c.option(), Arrays.toString(c.demands()), Arrays.toString(c.counts()));
    if (!seen.add(key)) {
      return false;
    }
    columns.add(c);
    return true;
  }

  private NodeKnapsack knapsack(int o, double[] valuePerPod) {
    return new NodeKnapsack(r.room[o], served[o], r.request, limit[o], valuePerPod);
  }

  /** Best pattern value per kind (an upper bound), and whether any improving pattern was added. */
  private record Pricing(double[] upper, boolean added) {}

  /**
   * Prices every node kind at the duals {@code at}: the LP bound of its knapsack first, and only
   * where that could pay for a node, a search (within {@code nodes}) for a pattern that does. A
   * pattern found joins the master when it improves on the master's own duals {@code current}.
   */
  private Pricing price(ConfigurationLpDuals at, ConfigurationLpDuals current, long nodes) {
    double[] upper = new double[r.optionCount()];
    boolean added = false;
    for (int o = 0; o < r.optionCount(); o++) {
      NodeKnapsack knapsack = knapsack(o, at.perPod());
      double charge = r.price[o] + at.nodeCharge()[o];
      upper[o] = knapsack.upperBound();
      if (upper[o] <= charge) {
        continue;
      }
      // Pruning at the charge itself (no tolerance) keeps the bound exact when nothing pays.
      NodeKnapsack.Fill f = knapsack.solve(nodes, charge);
      upper[o] = f.upperBound();
      if (f.demands().length > 0 && improves(o, f, current)) {
        added |= add(new Column(o, f.demands(), f.counts()));
      }
    }
    return new Pricing(upper, added);
  }

  /** Does this pattern have a negative reduced cost at these duals? */
  private boolean improves(int o, NodeKnapsack.Fill f, ConfigurationLpDuals duals) {
    double worth = 0;
    for (int i = 0; i < f.demands().length; i++) {
      worth += duals.perPod()[f.demands()[i]] * f.counts()[i];
    }
    double charge = r.price[o] + duals.nodeCharge()[o];
    return worth > charge + TOLERANCE * Math.max(1, charge);
  }

  /**
   * The Lagrangian bound: demand, pool and placed-pod rows priced by the duals, each kind's nodes
   * chosen at their best (at most {@code upper} per node), with the pod prices scaled by the factor
   * that does best. A kind's node count is bounded by its node bound and, since the master's value
   * is at least the LP's optimum, by that value over its price: an optimal solution never exceeds
   * either, so bounding it there costs the LP nothing (and makes a slightly underpriced kind cost
   * the bound little rather than everything, as in Farley's ratio).
   */
  private double lagrangian(ConfigurationLpDuals duals, double[] upper, double masterValue) {
    double[] nodes = new double[r.optionCount()];
    double cap = Double.POSITIVE_INFINITY;
    List<Double> points = new ArrayList<>();
    for (int o = 0; o < r.optionCount(); o++) {
      nodes[o] = r.bound[o] == BoundProblem.UNLIMITED ? Double.POSITIVE_INFINITY : r.bound[o];
      if (r.price[o] > 0) {
        nodes[o] = Math.min(nodes[o], masterValue / r.price[o]);
      }
      if (upper[o] <= 0) {
        continue;
      }
      double charge = r.price[o] + duals.poolCharge(r, o);
      if (Double.isInfinite(nodes[o])) {
        cap = Math.min(cap, charge / upper[o]);
      } else {
        points.add(charge / upper[o]);
      }
    }
    if (limited) {
      for (int k = 0; k < r.demandCount(); k++) {
        if (duals.perPod()[k] > 0) {
          points.add(duals.sigma() / duals.perPod()[k]);
        }
      }
    }
    points.add(1.0);
    points.add(cap);
    double most = cap;
    double[] candidates =
        points.stream()
            .mapToDouble(Double::doubleValue)
            .filter(t -> t >= 0 && t <= most && Double.isFinite(t))
            .sorted()
            .distinct()
            .toArray();
    if (candidates.length == 0) {
      return 0;
    }
    // Concave and piecewise linear in the factor: its maximum is at a breakpoint.
    int lo = 0;
    int hi = candidates.length - 1;
    while (hi - lo > 2) {
      int m1 = lo + (hi - lo) / 3;
      int m2 = hi - (hi - lo) / 3;
      if (value(duals, upper, nodes, candidates[m1]) < value(duals, upper, nodes, candidates[m2])) {
        lo = m1 + 1;
      } else {
        hi = m2;
      }
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int i = lo; i <= hi; i++) {
      best = Math.max(best, value(duals, upper, nodes, candidates[i]));
    }
    return Math.max(0, best);
  }

  private double value(ConfigurationLpDuals duals, double[] upper, double[] nodes, double theta) {
    double v = 0;
    for (int k = 0; k < r.demandCount(); k++) {
      double u = theta * duals.perPod()[k];
      v += r.pods[k] * (limited ? Math.min(u, duals.sigma()) : u);
    }
    for (int p = 0; p < r.pools.size(); p++) {
      BoundProblem.Pool pool = r.pools.get(p);
      for (int l = 0; l < pool.remaining().length; l++) {
        v -= duals.pi()[p][l] * pool.remaining()[l];
      }
      if (pool.maxNodes() != BoundProblem.UNLIMITED) {
        v -= duals.nu()[p] * pool.maxNodes();
      }
    }
    if (limited) {
      v -= duals.sigma() * (total - required);
    }
    for (int o = 0; o < r.optionCount(); o++) {
      double gain = theta * upper[o] - r.price[o] - duals.poolCharge(r, o);
      if (gain > 0 && Double.isFinite(nodes[o])) {
        v -= gain * nodes[o];
      }
    }
    return v;
  }
}
