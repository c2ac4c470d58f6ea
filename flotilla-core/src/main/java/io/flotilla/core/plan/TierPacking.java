package io.flotilla.core.plan;

import io.flotilla.core.catalog.Offering;
import io.flotilla.core.nodepool.NodePool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One tier of pools (the same weight): the shapes worth considering (each class's cheapest offering
 * per instance type, so zones are only multiplied where a class is pinned to one), which classes
 * each shape can hold, and the packing of the classes that reach this tier.
 */
final class TierPacking {
  static final int PORTFOLIO_PODS = 2000;

  private TierPacking() {}

  /** What a tier launched, and the shapes it chose from with the classes each could hold. */
  record Result(List<NodeBatch> batches, List<Shape> shapes, List<BitSet> compatible) {
    static final Result EMPTY = new Result(List.of(), List.of(), List.of());
  }

  static Result pack(
      List<NodePool> tier,
      long[] remaining,
      PoolBudget budget,
      BitSet fallback,
      PackingContext ctx) {
    List<PodClass> classes = ctx.classes();
    Map<Integer, List<Candidates.Allowed>> allowed = ctx.allowed();
    ShapeFactory factory = ctx.factory();
    Colocation colocation = ctx.colocation();
    int dims = ctx.dims();
    Set<String> names = tier.stream().map(NodePool::name).collect(Collectors.toSet());
    // Classes with the same candidates (the same memoised list) are handled together, in the
    // order their first class comes, so the plan does not depend on hash order.
    Map<List<Candidates.Allowed>, Integer> index = new java.util.IdentityHashMap<>();
    List<List<Candidates.Allowed>> distinct = new ArrayList<>();
    List<List<Integer>> members = new ArrayList<>();
    for (PodClass c : classes) {
      if (remaining[c.id()] > 0) {
        List<Candidates.Allowed> all = allowed.getOrDefault(c.id(), List.of());
        Integer i = index.get(all);
        if (i == null) {
          i = distinct.size();
          index.put(all, i);
          distinct.add(all);
          members.add(new ArrayList<>());
        }
        members.get(i).add(c.id());
      }
    }
    List<List<Candidates.Allowed>> inTier = new ArrayList<>();
    // Shapes by (group, offering): one per set of pinned custom-label values (usually one).
    Map<Long, List<Shape>> universe = new HashMap<>();
    List<Shape> shapes = new ArrayList<>();
    OnDemandFillers.Origins origins =
        new OnDemandFillers.Origins(new ArrayList<>(), new ArrayList<>());
    for (int k = 0; k < distinct.size(); k++) {
      PodClass representative = classes.get(members.get(k).get(0));
      List<Candidates.Allowed> mine =
          distinct.get(k).stream().filter(a -> names.contains(a.group().pool().name())).toList();
      inTier.add(mine);
      for (Candidates.Allowed a : mine) {
        int cheapest = cheapest(a);
        Shape s =
            ctx.minValues()
                .floorSafe(
                    factory.shape(
                        a.group(),
                        a.group().offerings().get(cheapest),
                        ShapeFactory.pins(representative, a.group())),
                    factory);
        List<Shape> variants =
            universe.computeIfAbsent(key(a.group(), cheapest), x -> new ArrayList<>());
        if (!variants.contains(s)) {
          variants.add(s);
          shapes.add(s);
          origins.groups().add(a.group());
          origins.offerings().add(cheapest);
        }
      }
    }
    if (shapes.isEmpty()) {
      return Result.EMPTY;
    }
    Map<Shape, Integer> position = new java.util.IdentityHashMap<>();
    for (int i = 0; i < shapes.size(); i++) {
      position.put(shapes.get(i), i);
    }
    BitSet[] compatible = new BitSet[shapes.size()];
    for (int i = 0; i < compatible.length; i++) {
      compatible[i] = new BitSet(classes.size());
    }
    Rooms rooms = Rooms.of(shapes);
    Rooms.Fits fits = new Rooms.Fits(rooms, members, classes);
    for (int k = 0; k < distinct.size(); k++) {
      PodClass representative = classes.get(members.get(k).get(0));
      List<Candidates.Allowed> mine = inTier.get(k);
      List<Integer> usable = new ArrayList<>();
      for (Candidates.Allowed a : mine) {
        boolean pinsMatter = !a.group().open().isEmpty();
        for (int i = 0; i < a.group().offerings().size(); i++) {
          List<Shape> variants =
              (a.mask() & (1L << i)) != 0 ? universe.get(key(a.group(), i)) : null;
          if (variants == null) {
            continue;
          }
          for (Shape s : variants) {
            if (!pinsMatter || Compatibility.whyNotLabels(representative, s.template()) == null) {
              usable.add(position.get(s));
            }
          }
        }
      }
      int[] usableShapes = usable.stream().mapToInt(Integer::intValue).toArray();
      // Shapes without minValues floors are decided once per room; the others one by one.
      List<Integer> floored = new ArrayList<>();
      int[] slot = new int[rooms.count()];
      Arrays.fill(slot, -1);
      List<Integer> roomIds = new ArrayList<>();
      List<List<Integer>> roomShapes = new ArrayList<>();
      for (int u : usableShapes) {
        if (ctx.minValues().hasFloors(shapes.get(u))) {
          floored.add(u);
          continue;
        }
        int r = rooms.of(u);
        if (slot[r] < 0) {
          slot[r] = roomIds.size();
          roomIds.add(r);
          roomShapes.add(new ArrayList<>());
        }
        roomShapes.get(slot[r]).add(u);
      }
      for (int i = 0; i < roomIds.size(); i++) {
        BitSet fitting = fits.of(k, roomIds.get(i));
        for (int u : roomShapes.get(i)) {
          compatible[u].or(fitting);
        }
      }
      for (int c : members.get(k)) {
        PodClass pc = classes.get(c);
        long[] request = pc.request();
        for (int u : floored) {
          Shape shape = shapes.get(u);
          if (Dimensions.fits(request, shape.free()) && ctx.minValues().flexible(pc, shape)) {
            compatible[u].set(c);
          }
        }
      }
    }
    BitSet[] onDemandAnchors =
        ctx.strategy() == Planner.Strategy.OPTIMIZED
            ? OnDemandFillers.add(shapes, fits, origins, compatible, members, ctx)
            : new BitSet[shapes.size()];
    List<Shape> nonEmpty = new ArrayList<>();
    List<BitSet> nonEmptyCompat = new ArrayList<>();
    List<BitSet> nonEmptyAnchors = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      BitSet anchors = anchors(shapes.get(i), compatible[i], ctx);
      if (onDemandAnchors[i] != null) {
        if (anchors == null) {
          anchors = onDemandAnchors[i];
        } else {
          anchors.and(onDemandAnchors[i]);
        }
      }
      if (!compatible[i].isEmpty() && (anchors == null || !anchors.isEmpty())) {
        nonEmpty.add(shapes.get(i));
        nonEmptyCompat.add(compatible[i]);
        nonEmptyAnchors.add(anchors);
      }
    }
    List<Shape> useful = new ArrayList<>();
    List<BitSet> usefulCompat = new ArrayList<>();
    List<BitSet> usefulAnchors = new ArrayList<>();
    for (int i : ShapePruning.undominated(nonEmpty, nonEmptyCompat, nonEmptyAnchors)) {
      useful.add(nonEmpty.get(i));
      usefulCompat.add(nonEmptyCompat.get(i));
      usefulAnchors.add(nonEmptyAnchors.get(i));
    }
    TierShapes shapesOfTier =
        new TierShapes(
            useful, usefulCompat.toArray(BitSet[]::new), usefulAnchors.toArray(BitSet[]::new));
    BitSet[] compat = shapesOfTier.compatible();
    List<NodeBatch> batches;
    if (ctx.strategy() == Planner.Strategy.FIRST_FIT_DECREASING) {
      // Karpenter chooses among every type and offering of the tier's pools, not the pruned shapes.
      batches =
          new FirstFitPacker(
                  new TierOfferings(tier, factory),
                  classes,
                  colocation,
                  dims,
                  ctx.minValues(),
                  ctx.options().spotAllocation())
              .pack(remaining, budget);
    } else if (pods(remaining, compat) > PORTFOLIO_PODS) {
      batches = new PatternPacker(classes, shapesOfTier, colocation, dims).pack(remaining, budget);
    } else {
      batches = portfolioThenExact(shapesOfTier, remaining, budget, fallback, ctx);
    }
    return new Result(batches, useful, usefulCompat);
  }

  /**
   * The portfolio's packing, replaced by an exact one when the tier is small enough and integer
   * programming finds a cheaper packing (or as cheap with fewer nodes) within its search budget.
   * Exotic shapes only take the classes that need them there.
   */
  private static List<NodeBatch> portfolioThenExact(
      TierShapes tier, long[] remaining, PoolBudget budget, BitSet fallback, PackingContext ctx) {
    long[] before = remaining.clone();
    PoolBudget budgetBefore = budget.copy();
    List<NodeBatch> heuristic =
        portfolio(ctx.classes(), tier, ctx.colocation(), ctx.dims(), remaining, budget, fallback);
    // The heuristic is the one to beat only when it placed every pod the exact packing will.
    boolean placedAll = true;
    for (BitSet b : anchoredOnly(tier)) {
      for (int c = b.nextSetBit(0); c >= 0; c = b.nextSetBit(c + 1)) {
        placedAll &= remaining[c] == 0;
      }
    }
    long[] left = before.clone();
    PoolBudget exactBudget = budgetBefore.copy();
    Optional<List<NodeBatch>> exact =
        new ExactPacker(
                ctx.classes(),
                tier.shapes(),
                anchoredOnly(tier),
                ctx.colocation(),
                ctx.dims(),
                ctx.covers())
            .pack(left, exactBudget, ctx.options().exactSearch(), placedAll ? heuristic : null);
    if (exact.isEmpty() || exact.get().isEmpty()) {
      return heuristic;
    }
    System.arraycopy(left, 0, remaining, 0, remaining.length);
    budget.become(exactBudget);
    return exact.get();
  }

  /** For an exotic shape, the classes that need it (no generic type fits them); else null. */
  private static BitSet anchors(Shape shape, BitSet compatible, PackingContext ctx) {
    if (!shape.offering().type().exotic()) {
      return null;
    }
    BitSet anchors = new BitSet();
    for (int c = compatible.nextSetBit(0); c >= 0; c = compatible.nextSetBit(c + 1)) {
      if (ctx.exotic().needed(ctx.classes().get(c), shape.pool())) {
        anchors.set(c);
      }
    }
    return anchors;
  }

  /** Compatibility where an exotic shape holds only the classes that need it (no fillers). */
  private static BitSet[] anchoredOnly(TierShapes tier) {
    BitSet[] out = new BitSet[tier.size()];
    for (int s = 0; s < out.length; s++) {
      out[s] = tier.anchors()[s] == null ? tier.compatible()[s] : tier.anchors()[s];
    }
    return out;
  }

  /** Pods of the classes some shape of the tier can hold. */
  private static long pods(long[] remaining, BitSet[] compat) {
    BitSet any = new BitSet();
    for (BitSet b : compat) {
      any.or(b);
    }
    long n = 0;
    for (int c = any.nextSetBit(0); c >= 0; c = any.nextSetBit(c + 1)) {
      n += remaining[c];
    }
    return n;
  }

  /**
   * Small tiers, and tiers whose pools have limits, run both packings and keep the one that places
   * more pods, then the cheaper: there greedy pattern packing can lose to first-fit on a tail or a
   * limit, and trying both costs little. Large unlimited tiers use pattern packing alone; the
   * benchmark compares it with first-fit on every run.
   */
  private static List<NodeBatch> portfolio(
      List<PodClass> classes,
      TierShapes tier,
      Colocation colocation,
      int dims,
      long[] remaining,
      PoolBudget budget,
      BitSet fallback) {
    long[] leftA = remaining.clone();
    PoolBudget budgetA = budget.copy();
    List<NodeBatch> a =
        new PatternPacker(classes, tier, colocation, dims).pack(leftA, budgetA, fallback);
    long[] leftB = remaining.clone();
    PoolBudget budgetB = budget.copy();
    List<NodeBatch> b =
        new ShapeFirstFit(classes, tier.shapes(), anchoredOnly(tier), colocation, dims)
            .pack(leftB, budgetB);
    // Pods with nowhere else to go count first, then all pods, then cost.
    long strandedA = stranded(leftA, fallback);
    long strandedB = stranded(leftB, fallback);
    long unplacedA = java.util.Arrays.stream(leftA).sum();
    long unplacedB = java.util.Arrays.stream(leftB).sum();
    boolean keepA =
        strandedA < strandedB
            || (strandedA == strandedB
                && (unplacedA < unplacedB
                    || (unplacedA == unplacedB && PatternPacker.cost(a) <= PatternPacker.cost(b))));
    System.arraycopy(keepA ? leftA : leftB, 0, remaining, 0, remaining.length);
    budget.become(keepA ? budgetA : budgetB);
    return keepA ? a : b;
  }

  private static long stranded(long[] left, BitSet fallback) {
    long n = 0;
    for (int c = 0; c < left.length; c++) {
      if (!fallback.get(c)) {
        n += left[c];
      }
    }
    return n;
  }

  private static int cheapest(Candidates.Allowed a) {
    int best = -1;
    for (int i = 0; i < a.group().offerings().size(); i++) {
      if ((a.mask() & (1L << i)) == 0) {
        continue;
      }
      Offering o = a.group().offerings().get(i);
      if (best < 0 || o.pricePerHour() < a.group().offerings().get(best).pricePerHour()) {
        best = i;
      }
    }
    return best;
  }

  private static long key(TypeGroup g, int offering) {
    return ((long) g.id() << 8) | offering;
  }
}
