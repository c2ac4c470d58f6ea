package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Test helpers for bound problems: a seeded generator of small ones, and the plain LP written out
 * in full with ojalgo's modelling layer, independently of {@link PlainLpBound}'s aggregation.
 */
final class BoundProblems {
  private BoundProblems() {}

  static BoundProblem.Demand demand(long cpu, long memory, long pods, int... options) {
    return new BoundProblem.Demand(
        new long[] {cpu, memory, 1}, pods, BoundProblem.UNLIMITED, options);
  }

  static BoundProblem.Demand capped(long cpu, long memory, long pods, long cap, int... options) {
    return new BoundProblem.Demand(new long[] {cpu, memory, 1}, pods, cap, options);
  }

  static BoundProblem.Option node(String name, long cpu, long memory, double price) {
    return new BoundProblem.Option(
        name,
        new long[] {cpu, memory, 110},
        price,
        BoundProblem.UNLIMITED,
        BoundProblem.NO_POOL,
        new long[0]);
  }

  static BoundProblem.Option pooled(String name, long cpu, long memory, double price, int pool) {
    return new BoundProblem.Option(
        name, new long[] {cpu, memory, 110}, price, BoundProblem.UNLIMITED, pool, new long[] {cpu});
  }

  /** A pool limiting cpu (counted as the node's room) to {@code cpu}, and nodes to maxNodes. */
  static BoundProblem.Pool cpuPool(String name, long cpu, long maxNodes) {
    return new BoundProblem.Pool(name, List.of("cpu"), new long[] {cpu}, maxNodes);
  }

  /** A small random problem: a few demands, node kinds, sometimes caps, bounds and pool limits. */
  static BoundProblem random(long seed) {
    // Consecutive seeds give java.util.Random nearly equal first draws: spread them first.
    Random rnd = new Random(seed * 0x9E3779B97F4A7C15L);
    int kinds = 1 + rnd.nextInt(5);
    List<BoundProblem.Pool> pools = new ArrayList<>();
    boolean limited = rnd.nextInt(3) == 0;
    if (limited) {
      pools.add(
          cpuPool(
              "limited",
              4 + rnd.nextInt(30),
              rnd.nextBoolean() ? BoundProblem.UNLIMITED : 1 + rnd.nextInt(4)));
    }
    List<BoundProblem.Option> options = new ArrayList<>();
    for (int o = 0; o < kinds; o++) {
      long cpu = 2L << rnd.nextInt(3);
      long memory = cpu * (1L << rnd.nextInt(4));
      double price =
          Math.round(cpu * (0.03 + 0.01 * memory / cpu) * (0.8 + 0.4 * rnd.nextDouble()) * 1e4)
              / 1e4;
      if (limited && rnd.nextBoolean()) {
        options.add(pooled("p" + o, cpu, memory, price, 0));
      } else if (rnd.nextInt(5) == 0) {
        options.add(
            new BoundProblem.Option(
                "existing" + o,
                new long[] {cpu, memory, 110},
                0,
                1 + rnd.nextInt(2),
                BoundProblem.NO_POOL,
                new long[0]));
      } else {
        options.add(node("n" + o, cpu, memory, price));
      }
    }
    int demands = 1 + rnd.nextInt(4);
    List<BoundProblem.Demand> list = new ArrayList<>();
    for (int k = 0; k < demands; k++) {
      long cpu = 1 + rnd.nextInt(4);
      long memory = 1 + rnd.nextInt(8);
      long pods = 1 + rnd.nextInt(6);
      int[] opts = rnd.ints(0, kinds).limit(1 + rnd.nextInt(kinds)).distinct().toArray();
      long cap = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(2) : BoundProblem.UNLIMITED;
      list.add(new BoundProblem.Demand(new long[] {cpu, memory, 1}, pods, cap, opts));
    }
    return new BoundProblem(3, list, options, pools);
  }

  /**
   * The plain LP in full (one assignment variable per demand and usable option), with the same
   * conventions as {@link PlainLpBound}: options that cannot launch one whole node are unusable,
   * and when not every pod can be placed the cost is that of placing as many as the LP can (rounded
   * down to whole pods). Returns {cost, pods assumed}.
   */
  static double[] referencePlainLp(BoundProblem p) {
    List<BoundProblem.Option> options = p.options();
    boolean[] usable = new boolean[options.size()];
    for (int o = 0; o < options.size(); o++) {
      BoundProblem.Option opt = options.get(o);
      usable[o] = opt.maxNodes() > 0;
      if (opt.pool() != BoundProblem.NO_POOL) {
        BoundProblem.Pool pool = p.pools().get(opt.pool());
        usable[o] &= pool.maxNodes() > 0;
        for (int l = 0; l < pool.remaining().length; l++) {
          usable[o] &= opt.counts()[l] <= pool.remaining()[l];
        }
      }
    }
    double placed = solveFull(p, usable, -1);
    long required = (long) Math.floor(placed + 1e-6);
    return new double[] {solveFull(p, usable, required), required};
  }

  /** required < 0: maximise placed pods; else minimise cost placing at least required pods. */
  private static double solveFull(BoundProblem p, boolean[] usable, long required) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    List<BoundProblem.Option> options = p.options();
    Variable[] n = new Variable[options.size()];
    Expression[][] room = new Expression[options.size()][p.dims()];
    for (int o = 0; o < options.size(); o++) {
      BoundProblem.Option opt = options.get(o);
      n[o] = model.addVariable("n" + o).lower(0).weight(required < 0 ? 0 : opt.price());
      if (!usable[o]) {
        n[o].upper(0);
      } else if (opt.bounded()) {
        n[o].upper(opt.maxNodes());
      }
      for (int d = 0; d < p.dims(); d++) {
        room[o][d] = model.addExpression().upper(0);
        room[o][d].set(n[o], -opt.room()[d]);
      }
    }
    Expression placed = model.addExpression("placed");
    for (BoundProblem.Demand d : p.demands()) {
      Expression cover = model.addExpression().upper(d.pods());
      for (int o : java.util.Arrays.stream(d.options()).distinct().toArray()) {
        if (!usable[o] || !Dimensions.fits(d.request(), options.get(o).room())) {
          continue;
        }
        Variable x = model.addVariable().lower(0);
        cover.set(x, 1);
        placed.set(x, 1);
        for (int dim = 0; dim < p.dims(); dim++) {
          room[o][dim].set(x, d.request()[dim]);
        }
        if (d.capped()) {
          Expression cap = model.addExpression().upper(0);
          cap.set(x, 1);
          cap.set(n[o], -d.perNodeCap());
        }
      }
    }
    for (int q = 0; q < p.pools().size(); q++) {
      BoundProblem.Pool pool = p.pools().get(q);
      for (int l = 0; l < pool.remaining().length; l++) {
        Expression limit = model.addExpression().upper(pool.remaining()[l]);
        for (int o = 0; o < options.size(); o++) {
          if (options.get(o).pool() == q) {
            limit.set(n[o], options.get(o).counts()[l]);
          }
        }
      }
      if (pool.maxNodes() != BoundProblem.UNLIMITED) {
        Expression count = model.addExpression().upper(pool.maxNodes());
        for (int o = 0; o < options.size(); o++) {
          if (options.get(o).pool() == q) {
            count.set(n[o], 1);
          }
        }
      }
    }
    Optimisation.Result result;
    if (required < 0) {
      placed.weight(1);
      result = model.maximise();
      return result.getValue();
    }
    placed.lower(required);
    result = model.minimise();
    if (!result.getState().isFeasible()) {
      throw new IllegalStateException("reference LP not solved: " + result.getState());
    }
    return result.getValue();
  }
}
