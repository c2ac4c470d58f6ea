package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lower bounds on the cost of a request's new nodes, worked out from the request alone: every pod
 * class that can be placed at all, every instance type any pool allows it (across all weights; per
 * type and capacity type at the cheapest offering any class may use, zones folded in), the existing
 * nodes' free room at no cost, and the pools' limits. Nothing comes from the plan's own tier split
 * or packing, so a plan cheaper than the bound would be a planner bug the bound can catch.
 *
 * <p>Of Karpenter's rules it keeps the exotic-type filter: a GPU, Neuron, Gaudi or metal type is an
 * option only where some pod that no generic type holds fits it. Rules the bound leaves out (pool
 * weight order, topology spreads, affinity, minValues, co-location between different classes) only
 * make it smaller, so it stays a valid bound. The bound speaks of plans placing at least as many
 * pods as the plan placed.
 */
final class RequestBound {
  /**
   * Up to this many pod classes the program lets Spot-capable pods onto on-demand node kinds beside
   * pods that need on-demand (a bound on every plan); beyond, ojalgo's simplex took minutes on it
   * (2,000 diverse pods), so Spot-capable pods stay on Spot kinds and the bound says so.
   */
  static final int FULL_PROGRAM_CLASSES = 150;

  private RequestBound() {}

  /**
   * The problem to bound, built before the plan fills the existing nodes and spends the budget
   * (pass them untouched).
   */
  static Problem problem(
      PackingContext ctx, Candidates candidates, List<ExistingNode> nodes, PoolBudget budget) {
    List<PodClass> classes = ctx.classes();
    boolean spotFirst = classes.size() > FULL_PROGRAM_CLASSES;
    long[] pods = new long[classes.size()];
    // Per type group, the offering mask of each class that may use it.
    Map<TypeGroup, Map<Integer, Long>> masks = new LinkedHashMap<>();
    List<PodClass> unpinned = new ArrayList<>();
    for (PodClass planned : classes) {
      pods[planned.id()] = planned.count();
      // The request's own terms: no preference folded in, no spread domain chosen, soft taints
      // allowed, and on-demand offerings kept beside Spot (a plan may put a Spot-capable pod on
      // an on-demand node).
      PodClass c =
          planned
              .withPods(planned.id(), planned.pods(), Map.of())
              .withTerms(ClassPreparation.requiredTerms(planned))
              .withAvoidSoftTaints(false);
      unpinned.add(c);
      for (Candidates.Allowed a : candidates.raw(c, c.terms())) {
        masks
            .computeIfAbsent(a.group(), g -> new LinkedHashMap<>())
            .merge(c.id(), a.mask(), (x, y) -> x | y);
      }
    }
    // Karpenter's exotic filter: a GPU, Neuron, Gaudi or metal type is launched only for a pod that
    // no generic type of its pool holds (others may then share the node), so an exotic type no
    // such pod fits is no option of any plan.
    masks
        .entrySet()
        .removeIf(
            e -> e.getKey().type().exotic() && !anchored(e.getKey(), e.getValue(), ctx, unpinned));
    List<Shape> shapes = new ArrayList<>();
    Map<Shape, Integer> position = new IdentityHashMap<>();
    List<BitSet> compatible = new ArrayList<>();
    masks.forEach(
        (group, byClass) -> {
          long spot = offeringsOf(group, CapacityType.SPOT);
          // An on-demand node of the group holding only Spot-capable pods is never cheaper than
          // the group's Spot node: they need on-demand kinds only beside pods that cannot use Spot.
          boolean onDemandOnly =
              !spotFirst && byClass.values().stream().anyMatch(m -> (m & spot) == 0);
          for (CapacityType type : CapacityType.values()) {
            long ofType = offeringsOf(group, type);
            int i = cheapestAllowed(group, byClass, ofType);
            if (i < 0) {
              continue;
            }
            for (Map.Entry<Integer, Long> e : byClass.entrySet()) {
              boolean spotCapable = (e.getValue() & spot) != 0;
              if ((e.getValue() & ofType) == 0
                  || (type == CapacityType.ON_DEMAND && spotCapable && !onDemandOnly)) {
                continue;
              }
              PodClass c = unpinned.get(e.getKey());
              Shape s =
                  ctx.factory().shape(group, group.offerings().get(i), ShapeFactory.pins(c, group));
              if (!Dimensions.fits(c.request(), s.free())) {
                continue;
              }
              Integer at = position.get(s);
              if (at == null) {
                at = shapes.size();
                position.put(s, at);
                shapes.add(s);
                compatible.add(new BitSet());
              }
              compatible.get(at).set(c.id());
            }
          }
        });
    BoundProblem onNew =
        new BatchBoundProblem(
                classes, shapes, compatible.toArray(BitSet[]::new), ctx.colocation(), ctx.dims())
            .of(pods, budget);
    return new Problem(withExisting(onNew, classes, nodes), spotFirst);
  }

  /**
   * Whether some class that may use the exotic group needs its pool's exotic types (with the terms
   * it is planned with, or with its required terms alone) and fits the type.
   */
  private static boolean anchored(
      TypeGroup group, Map<Integer, Long> byClass, PackingContext ctx, List<PodClass> unpinned) {
    long[] room = ctx.factory().shape(group, group.offerings().get(0)).free();
    for (int id : byClass.keySet()) {
      PodClass planned = ctx.classes().get(id);
      if (Dimensions.fits(planned.request(), room)
          && (ctx.exotic().needed(planned, group.pool())
              || ctx.exotic().needed(unpinned.get(id), group.pool()))) {
        return true;
      }
    }
    return false;
  }

  /** The program, and whether it keeps Spot-capable pods on Spot node kinds. */
  record Problem(BoundProblem program, boolean spotFirst) {}

  /**
   * How many of the classes' pods the plan placed, counted as the bound counts them (a class's own
   * pods only: pods joined to a bundle or placed outside the classes are not demands of the bound).
   */
  static long placedUnits(List<PodClass> classes, Plan plan) {
    Set<PodId> placed = new HashSet<>();
    plan.nodes().forEach(n -> placed.addAll(n.pods()));
    long units = 0;
    for (PodClass c : classes) {
      for (PodId p : c.pods()) {
        if (placed.contains(p)) {
          units++;
        }
      }
    }
    return units;
  }

  /** Both bounds over plans that place at least {@code placedPods} pods. */
  static CostBound solve(Problem bound, long placedPods) {
    BoundProblem problem = bound.program();
    PlainLpBound.Result plain = PlainLpBound.solve(problem, placedPods);
    if (plain.assumedPods() < plain.placeablePods()) {
      // Plans that leave placeable pods out: the configuration LP's partial-placement mode gave
      // values above such plans in tests, so only the plain LP speaks of them.
      return new CostBound(plain.bound(), null, bound.spotFirst(), plain.exact());
    }
    ConfigurationLpBound.Result configuration =
        ConfigurationLpBound.solve(problem, plain, ConfigurationLpBound.Budget.DEFAULT);
    return new CostBound(
        plain.bound(),
        configuration.attempted() ? configuration.bound() : null,
        bound.spotFirst(),
        plain.exact());
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

  /** The group's offerings of one capacity type, as a mask. */
  private static long offeringsOf(TypeGroup group, CapacityType type) {
    long mask = 0;
    for (int i = 0; i < group.offerings().size(); i++) {
      if (group.offerings().get(i).capacityType() == type) {
        mask |= 1L << i;
      }
    }
    return mask;
  }

  /**
   * The cheapest offering among {@code candidates} that some class may use: no node of that
   * capacity type of the group, holding any of these classes, costs less (its offering must be
   * allowed to the classes on it). Zones fold into it, which keeps the bound small.
   */
  private static int cheapestAllowed(TypeGroup group, Map<Integer, Long> byClass, long candidates) {
    long any = 0;
    for (long m : byClass.values()) {
      any |= m;
    }
    any &= candidates;
    int best = -1;
    for (int i = 0; i < group.offerings().size(); i++) {
      if ((any & (1L << i)) != 0
          && (best < 0
              || group.offerings().get(i).pricePerHour()
                  < group.offerings().get(best).pricePerHour())) {
        best = i;
      }
    }
    return best;
  }
}
