package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lower bounds on the cost of a request's new nodes, worked out from the request alone: every pod
 * class that can be placed at all, every offering any pool allows it (across all weights, at the
 * cheapest offering of each type the class may use), the existing nodes' free room at no cost, and
 * the pools' limits. Nothing comes from the plan's own tier split or packing, so a plan cheaper
 * than the bound would be a planner bug the bound can catch.
 *
 * <p>Rules the bound leaves out (pool weight order, topology spreads, affinity, minValues, the
 * exotic-type filter, co-location between different classes) only make it smaller, so it stays a
 * valid bound. The bound speaks of plans placing at least as many pods as the plan placed.
 */
final class RequestBound {
  private RequestBound() {}

  /**
   * The problem to bound, built before the plan fills the existing nodes and spends the budget
   * (pass them untouched).
   */
  static BoundProblem problem(
      PackingContext ctx, Candidates candidates, List<ExistingNode> nodes, PoolBudget budget) {
    List<PodClass> classes = ctx.classes();
    List<Shape> shapes = new ArrayList<>();
    Map<Shape, Integer> position = new IdentityHashMap<>();
    List<BitSet> compatible = new ArrayList<>();
    long[] pods = new long[classes.size()];
    for (PodClass c : classes) {
      pods[c.id()] = c.count();
      for (Candidates.Allowed a : candidates.of(c)) {
        int cheapest = cheapest(a);
        if (cheapest < 0) {
          continue;
        }
        Shape s =
            ctx.factory()
                .shape(
                    a.group(),
                    a.group().offerings().get(cheapest),
                    ShapeFactory.pins(c, a.group()));
        if (!Dimensions.fits(c.request(), s.free())) {
          continue;
        }
        Integer i = position.get(s);
        if (i == null) {
          i = shapes.size();
          position.put(s, i);
          shapes.add(s);
          compatible.add(new BitSet());
        }
        compatible.get(i).set(c.id());
      }
    }
    BoundProblem onNew =
        new BatchBoundProblem(
                classes, shapes, compatible.toArray(BitSet[]::new), ctx.colocation(), ctx.dims())
            .of(pods, budget);
    return withExisting(onNew, classes, nodes);
  }

  /** Both bounds over plans that place at least {@code placedPods} pods. */
  static CostBound solve(BoundProblem problem, long placedPods) {
    PlainLpBound.Result plain = PlainLpBound.solve(problem, placedPods);
    ConfigurationLpBound.Result configuration =
        ConfigurationLpBound.solve(problem, plain, ConfigurationLpBound.Budget.DEFAULT);
    return new CostBound(plain.bound(), configuration.attempted() ? configuration.bound() : null);
  }

  /** The existing nodes' free room as options of one node each, at no cost and no pool. */
  private static BoundProblem withExisting(
      BoundProblem onNew, List<PodClass> classes, List<ExistingNode> nodes) {
    List<BoundProblem.Option> options = new ArrayList<>(onNew.options());
    List<List<Integer>> extra = new ArrayList<>();
    for (int k = 0; k < onNew.demands().size(); k++) {
      extra.add(new ArrayList<>());
    }
    // Demands follow the classes with pods, in class order.
    List<PodClass> withPods = classes.stream().filter(c -> c.count() > 0).toList();
    for (ExistingNode n : nodes) {
      if (n.node.unschedulable()) {
        continue;
      }
      int option = -1;
      for (int k = 0; k < withPods.size(); k++) {
        PodClass c = withPods.get(k);
        PodClass required = c.withTerms(ClassPreparation.requiredTerms(c));
        if (Compatibility.whyNot(required, n.template, n.node.taints(), n.arch()) == null
            && Dimensions.fits(c.request(), n.free)) {
          if (option < 0) {
            option = options.size();
            options.add(
                new BoundProblem.Option(
                    n.node.name(), n.free.clone(), 0, 1, BoundProblem.NO_POOL, new long[0]));
          }
          extra.get(k).add(option);
        }
      }
    }
    List<BoundProblem.Demand> demands = new ArrayList<>();
    for (int k = 0; k < onNew.demands().size(); k++) {
      BoundProblem.Demand d = onNew.demands().get(k);
      int[] all = new int[d.options().length + extra.get(k).size()];
      System.arraycopy(d.options(), 0, all, 0, d.options().length);
      for (int i = 0; i < extra.get(k).size(); i++) {
        all[d.options().length + i] = extra.get(k).get(i);
      }
      demands.add(new BoundProblem.Demand(d.request(), d.pods(), d.perNodeCap(), all));
    }
    return new BoundProblem(onNew.dims(), demands, options, onNew.pools());
  }

  private static int cheapest(Candidates.Allowed a) {
    int best = -1;
    for (int i = 0; i < a.group().offerings().size(); i++) {
      if ((a.mask() & (1L << i)) != 0
          && (best < 0
              || a.group().offerings().get(i).pricePerHour()
                  < a.group().offerings().get(best).pricePerHour())) {
        best = i;
      }
    }
    return best;
  }
}
