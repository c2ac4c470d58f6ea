package io.flotilla.core.plan;

import io.flotilla.core.label.Requirements;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides where pending pods go: existing nodes first, then new nodes from the pools in descending
 * weight, each pool within its limits, at the lowest cost the packing finds. Pure: the same request
 * always gives the same plan.
 */
public final class Planner {
  /** How new nodes are packed. */
  public enum Strategy {
    /** Flotilla's pattern packing: mixes complementary pods, sizes nodes to what is left. */
    OPTIMIZED,
    /** Karpenter's rules restated: first-fit decreasing, the cheapest type that still fits. */
    FIRST_FIT_DECREASING
  }

  private final Strategy strategy;

  public Planner() {
    this(Strategy.OPTIMIZED);
  }

  public Planner(Strategy strategy) {
    this.strategy = java.util.Objects.requireNonNull(strategy, "strategy");
  }

  /** The plan and, when asked, the fractional LP lower bound on its new-node cost. */
  public record Outcome(Plan plan, Double lowerBoundPerHour) {}

  public Plan plan(PlanRequest request) {
    return plan(request, false).plan();
  }

  public Outcome plan(PlanRequest request, boolean withLowerBound) {
    List<Pod> pending = request.pendingPods();
    Set<String> requested = new TreeSet<>();
    pending.forEach(p -> requested.addAll(p.requests().names()));
    request.daemonSets().forEach(d -> requested.addAll(d.template().requests().names()));
    Dimensions dims = new Dimensions(requested);

    ShapeFactory factory = new ShapeFactory(request.catalog(), request.daemonSets(), dims);
    List<List<NodePool>> tiers = tiers(request.pools());
    List<TypeGroup> groups = new ArrayList<>();
    for (List<NodePool> tier : tiers) {
      for (NodePool pool : tier) {
        groups.addAll(factory.groups(pool, groups.size()));
      }
    }
    Candidates candidates = new Candidates(groups);
    ExistingFleet fleet = new ExistingFleet(request, dims);

    Map<PodId, String> unschedulable = new TreeMap<>();
    List<PodClass> classes = new ArrayList<>();
    for (PodClass c : ClassGrouping.group(pending, dims)) {
      String unsupported = Unsupported.reason(c.template());
      if (unsupported != null) {
        c.pods().forEach(p -> unschedulable.put(p, unsupported));
        continue;
      }
      classes.add(
          c.withTerms(
              Relaxation.relax(
                  c, terms -> candidates.anyFor(c, terms) || fleet.anyAccepts(c, terms))));
    }
    SpreadQuotas.Result spread =
        new SpreadQuotas(request.pods().stream().filter(Pod::bound).toList(), fleet.labelsByNode())
            .apply(
                classes,
                (c, key) -> domains(c.withTerms(requiredTerms(c)), key, candidates, fleet),
                c -> !candidates.of(c).isEmpty() || fleet.anyAccepts(c, c.terms()));
    unschedulable.putAll(spread.unschedulable());
    classes = renumber(relaxPinned(spread.classes(), candidates, fleet));

    Colocation colocation = new Colocation(classes);
    List<ExistingNode> nodes = fleet.nodes(classes, colocation);
    long[] remaining = classes.stream().mapToLong(PodClass::count).toArray();
    Map<Integer, Map<ExistingNode, Long>> onExisting =
        ExistingPlacement.fill(classes, remaining, nodes, colocation, dims);

    Map<Integer, List<Candidates.Allowed>> allowed = new LinkedHashMap<>();
    for (PodClass c : classes) {
      if (remaining[c.id()] > 0) {
        allowed.put(c.id(), candidates.of(c));
      }
    }
    PoolBudget budget = fleet.budget(request.pools());
    List<NodeBatch> batches = new ArrayList<>();
    List<TierPacking.Result> tierResults = new ArrayList<>();
    for (int t = 0; t < tiers.size(); t++) {
      List<NodePool> tier = tiers.get(t);
      TierPacking.Result r =
          TierPacking.pack(
              tier,
              classes,
              allowed,
              remaining,
              factory,
              colocation,
              dims.size(),
              budget,
              strategy,
              fallback(classes, allowed, tiers.subList(t + 1, tiers.size())));
      tierResults.add(r);
      batches.addAll(r.batches());
    }
    for (PodClass c : classes) {
      if (remaining[c.id()] > 0) {
        String reason = Explain.why(c, nodes, groups, allowed.get(c.id()), factory, budget);
        List<PodId> pods = c.pods();
        for (PodId p : pods.subList(pods.size() - (int) remaining[c.id()], pods.size())) {
          unschedulable.put(p, reason);
        }
      }
    }
    Plan plan =
        SkewGuard.enforce(
            PlanAssembly.assemble(
                request, classes, nodes, onExisting, batches, unschedulable, dims),
            spread.spreads(),
            podsById(request),
            fleet.labelsByNode(),
            request.pods().stream().filter(Pod::bound).toList());
    Double bound = withLowerBound ? lowerBound(classes, tierResults, dims.size()) : null;
    return new Outcome(plan, bound);
  }

  /** The LP bound over the pods placed on new nodes, each within the tiers that took it. */
  private static double lowerBound(
      List<PodClass> classes, List<TierPacking.Result> tiers, int dims) {
    long[] demand = new long[classes.size()];
    Map<Integer, List<Shape>> options = new LinkedHashMap<>();
    for (TierPacking.Result tier : tiers) {
      java.util.BitSet placedHere = new java.util.BitSet();
      for (NodeBatch b : tier.batches()) {
        for (int i = 0; i < b.classIds().length; i++) {
          demand[b.classIds()[i]] += b.perNode()[i] * b.nodes();
          placedHere.set(b.classIds()[i]);
        }
      }
      for (int s = 0; s < tier.shapes().size(); s++) {
        java.util.BitSet served = (java.util.BitSet) tier.compatible().get(s).clone();
        served.and(placedHere);
        for (int c = served.nextSetBit(0); c >= 0; c = served.nextSetBit(c + 1)) {
          options.computeIfAbsent(c, k -> new ArrayList<>()).add(tier.shapes().get(s));
        }
      }
    }
    return LowerBound.solve(classes, demand, options, dims);
  }

  /** Classes some pool of the later tiers could still take. */
  private static java.util.BitSet fallback(
      List<PodClass> classes,
      Map<Integer, List<Candidates.Allowed>> allowed,
      List<List<NodePool>> later) {
    Set<NodePool> pools = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    later.forEach(pools::addAll);
    java.util.BitSet out = new java.util.BitSet();
    for (PodClass c : classes) {
      for (Candidates.Allowed a : allowed.getOrDefault(c.id(), List.of())) {
        if (pools.contains(a.group().pool())) {
          out.set(c.id());
          break;
        }
      }
    }
    return out;
  }

  /** Pools grouped by weight, highest first; names order pools within a tier. */
  static List<List<NodePool>> tiers(List<NodePool> pools) {
    Map<Integer, List<NodePool>> byWeight = new TreeMap<>(Comparator.reverseOrder());
    for (NodePool p : pools) {
      byWeight.computeIfAbsent(p.weight(), w -> new ArrayList<>()).add(p);
    }
    List<List<NodePool>> tiers = new ArrayList<>();
    for (List<NodePool> tier : byWeight.values()) {
      tier.sort(Comparator.comparing(NodePool::name));
      tiers.add(List.copyOf(tier));
    }
    return tiers;
  }

  private static Set<String> domains(
      PodClass c, String key, Candidates candidates, ExistingFleet fleet) {
    Set<String> values = new TreeSet<>(fleet.domains(c, key));
    for (Candidates.Allowed a : candidates.of(c)) {
      for (int i = 0; i < a.group().offerings().size(); i++) {
        if ((a.mask() & (1L << i)) != 0) {
          String v = a.group().template(a.group().offerings().get(i)).get(key);
          if (v != null) {
            values.add(v);
          }
        }
      }
    }
    return values;
  }

  /** The pod's own required terms: topology domains are counted on these, not preferences. */
  private static List<Requirements> requiredTerms(PodClass c) {
    return c.template().nodeAffinity().requiredTerms();
  }

  /**
   * A class pinned to a domain its preferences cannot reach falls back to its required terms there
   * (Karpenter relaxes preferences before it gives up on a pod).
   */
  private static List<PodClass> relaxPinned(
      List<PodClass> classes, Candidates candidates, ExistingFleet fleet) {
    List<PodClass> out = new ArrayList<>();
    for (PodClass c : classes) {
      if (!c.domain().isEmpty()
          && !candidates.anyFor(c, c.terms())
          && !fleet.anyAccepts(c, c.terms())) {
        out.add(c.withTerms(requiredTerms(c)));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  private static Map<PodId, Pod> podsById(PlanRequest request) {
    Map<PodId, Pod> byId = new java.util.HashMap<>();
    request.pods().forEach(p -> byId.put(p.id(), p));
    return byId;
  }

  private static List<PodClass> renumber(List<PodClass> classes) {
    List<PodClass> out = new ArrayList<>();
    Set<PodId> seen = new HashSet<>();
    for (PodClass c : classes) {
      if (seen.add(c.pods().get(0))) {
        out.add(c.withPods(out.size(), c.pods(), c.domain()));
      }
    }
    return out;
  }

  static Resources sum(List<Pod> pods) {
    Resources total = Resources.NONE;
    for (Pod p : pods) {
      total = total.plus(ClassGrouping.withPodSlot(p.requests()));
    }
    return total;
  }
}
