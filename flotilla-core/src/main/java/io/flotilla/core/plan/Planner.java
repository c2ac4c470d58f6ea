package io.flotilla.core.plan;

import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

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

  /** What pools make of instance types, shared by this planner's plans (pure; see there). */
  private final TypeLevels levels = new TypeLevels();

  /** The exact packing's programs solved by this planner's plans (deterministic; see there). */
  private final SolvedCovers covers = new SolvedCovers();

  public Planner() {
    this(Strategy.OPTIMIZED);
  }

  public Planner(Strategy strategy) {
    this.strategy = java.util.Objects.requireNonNull(strategy, "strategy");
  }

  /** The plan and, when asked, lower bounds on the cost of the request's new nodes. */
  public record Outcome(Plan plan, CostBound bound) {
    /** The best bound, USD per hour, or null when none was asked for. */
    public Double lowerBoundPerHour() {
      return bound == null ? null : bound.best();
    }
  }

  public Plan plan(PlanRequest request) {
    return plan(request, false).plan();
  }

  public Outcome plan(PlanRequest request, boolean withLowerBound) {
    request = UnknownArchitectures.applyPolicy(request);
    Outcome outcome = relaxing(request, withLowerBound);
    return new Outcome(
        UnknownArchitectures.warn(outcome.plan(), podsById(request)), outcome.bound());
  }

  private Outcome relaxing(PlanRequest request, boolean withLowerBound) {
    // Karpenter relaxes soft constraints (preferred node affinity, ScheduleAnyway spreads, and
    // last PreferNoSchedule taints) of a pod it cannot place. Pods left over while theirs were in
    // force are planned again without them; if some still are, every pod of their workloads gives
    // them up in a last attempt. A class avoids soft-tainted pools while it could launch elsewhere
    // at all, so pods that room or limits strand there get the taints tolerated on the retry.
    boolean softTaints = hasSoftTaints(request);
    Outcome outcome = planOnce(request, withLowerBound);
    for (int attempt = 0; attempt < 2; attempt++) {
      Set<PodId> stranded = new HashSet<>();
      Set<String> owners = new HashSet<>();
      for (Unschedulable u : outcome.plan().unschedulable()) {
        stranded.add(u.pod());
      }
      List<Pod> retried = new ArrayList<>();
      boolean any = false;
      for (Pod p : request.pods()) {
        if (stranded.contains(p.id()) && relaxable(p, softTaints)) {
          owners.add(p.owner());
          any = true;
        }
      }
      if (!any) {
        return outcome;
      }
      for (Pod p : request.pods()) {
        boolean relax =
            relaxable(p, softTaints)
                && (stranded.contains(p.id()) || (attempt == 1 && owners.contains(p.owner())));
        retried.add(relax ? relaxed(p, softTaints) : p);
      }
      request = request.withPods(retried);
      outcome = planOnce(request, withLowerBound);
    }
    return outcome;
  }

  private static boolean relaxable(Pod p, boolean softTaints) {
    return p.hasSoftConstraints() || (softTaints && !p.bound() && !p.toleratesSoftTaints());
  }

  private static Pod relaxed(Pod p, boolean softTaints) {
    Pod out = p.withoutSoftConstraints();
    return softTaints ? out.toleratingSoftTaints() : out;
  }

  /** Whether some pool or existing node has a PreferNoSchedule taint a pod might avoid. */
  private static boolean hasSoftTaints(PlanRequest request) {
    for (NodePool pool : request.pools()) {
      if (pool.taints().stream().anyMatch(t -> t.effect() == Effect.PREFER_NO_SCHEDULE)) {
        return true;
      }
    }
    for (Node n : request.nodes()) {
      if (n.taints().stream().anyMatch(t -> t.effect() == Effect.PREFER_NO_SCHEDULE)) {
        return true;
      }
    }
    return false;
  }

  /** How often a plan is made again without the pods the guards took back. */
  private static final int REPLANS = 2;

  private Outcome planOnce(PlanRequest request, boolean withLowerBound) {
    return planOnce(request, withLowerBound, 0);
  }

  private Outcome planOnce(PlanRequest request, boolean withLowerBound, int round) {
    List<Pod> pending = request.pendingPods();
    Set<String> requested = new TreeSet<>();
    pending.forEach(p -> requested.addAll(p.requests().names()));
    request.daemonSets().forEach(d -> requested.addAll(d.template().requests().names()));
    Dimensions dims = new Dimensions(requested);

    ShapeFactory factory = new ShapeFactory(request.catalog(), request.daemonSets(), dims, levels);
    List<List<NodePool>> tiers = tiers(request.pools());
    List<TypeGroup> groups = new ArrayList<>();
    for (List<NodePool> tier : tiers) {
      for (NodePool pool : tier) {
        groups.addAll(factory.groups(pool, groups.size()));
      }
    }
    Candidates candidates = new Candidates(groups);
    ExistingFleet fleet = new ExistingFleet(request, dims);

    PoolBudget budget = fleet.budget(request.pools());
    ClassPreparation.Prepared prepared =
        new ClassPreparation(
                candidates,
                fleet,
                new NewNodeFeasibility(candidates, factory, budget.copy()),
                new DomainCatalog(candidates, fleet, factory))
            .prepare(request, dims);
    Map<PodId, String> unschedulable = new TreeMap<>(prepared.unschedulable());
    List<PodClass> classes = prepared.classes();

    Colocation colocation = new Colocation(classes);
    List<ExistingNode> nodes = fleet.nodes(classes, colocation);
    long[] remaining = classes.stream().mapToLong(PodClass::count).toArray();

    // Filled below with the candidates of the classes existing nodes leave pods of.
    Map<Integer, List<Candidates.Allowed>> allowed = new LinkedHashMap<>();
    PackingContext ctx =
        new PackingContext(
            classes,
            allowed,
            candidates,
            factory,
            colocation,
            dims.size(),
            strategy,
            new MinValues(request.options().minValuesPolicy(), candidates),
            new ExoticTypes(candidates, factory),
            request.options(),
            covers);
    // The bound's problem sees the existing nodes' room and the budget before the plan uses them.
    RequestBound.Problem boundProblem =
        withLowerBound ? RequestBound.problem(ctx, candidates, nodes, budget.copy()) : null;
    Map<Integer, Map<ExistingNode, Long>> onExisting =
        ExistingPlacement.fill(classes, remaining, nodes, colocation, dims);
    for (PodClass c : classes) {
      if (remaining[c.id()] > 0) {
        allowed.put(c.id(), candidates.of(c));
      }
    }
    List<NodeBatch> batches = new ArrayList<>();
    for (int t = 0; t < tiers.size(); t++) {
      TierPacking.Result r =
          TierPacking.pack(
              tiers.get(t),
              remaining,
              budget,
              fallback(classes, allowed, tiers.subList(t + 1, tiers.size())),
              ctx);
      batches.addAll(r.batches());
    }
    List<String> spotWarnings = List.of();
    if (strategy == Strategy.OPTIMIZED) {
      // Karpenter's baseline has no such rule: it launches the cheapest offering.
      SpotDiversification diversification =
          new SpotDiversification(
              ctx, candidates, ExistingSpotReplicas.of(nodes, onExisting, classes));
      batches = diversification.apply(batches, budget);
      spotWarnings = diversification.warnings();
    }
    for (PodClass c : classes) {
      if (remaining[c.id()] > 0) {
        String reason =
            Explain.why(
                c, nodes, tiers.stream().flatMap(List::stream).toList(), groups, budget, ctx);
        List<PodId> pods = c.pods();
        for (PodId p : pods.subList(pods.size() - (int) remaining[c.id()], pods.size())) {
          unschedulable.put(p, reason);
        }
      }
    }
    List<Pod> bound = request.pods().stream().filter(Pod::bound).toList();
    Map<PodId, Pod> byId = podsById(request);
    Plan assembled =
        AffinityJoin.apply(
            PlanAssembly.assemble(
                request, classes, nodes, onExisting, batches, unschedulable, dims),
            prepared.affinity(),
            byId,
            bound,
            taintsOf(request),
            request.daemonSets());
    // Taking pods back for one rule may break the other (a spread's minimum, an affinity's
    // target): both run until neither takes any back.
    Plan plan = assembled;
    for (int before = -1; before != plan.unschedulable().size(); ) {
      before = plan.unschedulable().size();
      plan = AffinityGuard.enforce(plan, byId, fleet.labelsByNode(), bound);
      plan = SkewGuard.enforce(plan, prepared.spreads(), byId, fleet.labelsByNode(), bound);
    }
    List<String> warnings = new ArrayList<>(plan.warnings());
    warnings.addAll(spotWarnings);
    plan = plan.withWarnings(warnings);
    Map<PodId, String> withdrawn = withdrawn(assembled, plan);
    if (!withdrawn.isEmpty() && round < REPLANS) {
      // The nodes were bought for pods now taken back: the others are planned again without
      // them, so their nodes, types and budget go to pods that can stay.
      List<Pod> kept = request.pods().stream().filter(p -> !withdrawn.containsKey(p.id())).toList();
      Plan again = planOnce(request.withPods(kept), false, round + 1).plan();
      List<Unschedulable> failed = new ArrayList<>(again.unschedulable());
      withdrawn.forEach((p, r) -> failed.add(new Unschedulable(p, r)));
      failed.sort(Comparator.comparing(Unschedulable::pod));
      plan = new Plan(again.nodes(), failed, again.warnings());
    }
    CostBound costBound = null;
    if (withLowerBound) {
      try {
        costBound = RequestBound.solve(boundProblem, RequestBound.placedUnits(classes, plan));
      } catch (IllegalStateException e) {
        // ojalgo's simplex gave up on the bound's program (seen at 10,000 diverse pods): the plan
        // stands, said without a bound.
        List<String> noted = new ArrayList<>(plan.warnings());
        noted.add("lower bound not computed: " + e.getMessage());
        plan = plan.withWarnings(noted);
      }
    }
    return new Outcome(plan, costBound);
  }

  /** The pods placed before the guards ran and taken back by them, with the reasons. */
  private static Map<PodId, String> withdrawn(Plan before, Plan after) {
    Set<PodId> placed = new HashSet<>();
    before.nodes().forEach(n -> placed.addAll(n.pods()));
    Map<PodId, String> out = new TreeMap<>();
    for (Unschedulable u : after.unschedulable()) {
      if (placed.contains(u.pod())) {
        out.put(u.pod(), u.reason());
      }
    }
    return out;
  }

  /** Classes some pool of the later tiers could still take. */
  private static java.util.BitSet fallback(
      List<PodClass> classes,
      Map<Integer, List<Candidates.Allowed>> allowed,
      List<List<NodePool>> later) {
    Set<NodePool> pools = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    later.forEach(pools::addAll);
    java.util.BitSet out = new java.util.BitSet();
    // Classes share their memoised candidate lists: look at each distinct list once.
    Map<List<Candidates.Allowed>, Boolean> reaches = new java.util.IdentityHashMap<>();
    for (PodClass c : classes) {
      List<Candidates.Allowed> mine = allowed.getOrDefault(c.id(), List.of());
      if (reaches.computeIfAbsent(mine, l -> anyIn(l, pools))) {
        out.set(c.id());
      }
    }
    return out;
  }

  private static boolean anyIn(List<Candidates.Allowed> allowed, Set<NodePool> pools) {
    for (Candidates.Allowed a : allowed) {
      if (pools.contains(a.group().pool())) {
        return true;
      }
    }
    return false;
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

  /** The taints of a planned node: the existing node's own, or its pool's. */
  private static Function<PlannedNode, List<Taint>> taintsOf(PlanRequest request) {
    Map<String, List<Taint>> existing = new java.util.HashMap<>();
    request.nodes().forEach(n -> existing.put(n.name(), n.taints()));
    Map<String, List<Taint>> pools = new java.util.HashMap<>();
    request.pools().forEach(p -> pools.put(p.name(), p.taints()));
    return n ->
        n.existing()
            ? existing.getOrDefault(n.name(), List.of())
            : pools.getOrDefault(n.nodePool(), List.of());
  }

  private static Map<PodId, Pod> podsById(PlanRequest request) {
    Map<PodId, Pod> byId = new java.util.HashMap<>();
    request.pods().forEach(p -> byId.put(p.id(), p));
    return byId;
  }
}
