package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.resource.ResourceNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Safe Spot: a workload's Spot replicas should not all sit in one capacity pool (instance type x
 * zone), which EC2 reclaims as a unit. After packing, Spot nodes move, one at a time, to other
 * offerings that hold exactly the same pods and cost at most {@code priceTolerance} more than the
 * node's offering, until no capacity pool holds more than {@code maxShare} of a workload's Spot
 * replicas (or one node's worth, since nodes are never split), when at least {@code minPools} pools
 * qualify; with two to {@code minPools - 1} qualifying pools the replicas are split evenly over
 * them, and a workload whose nodes have no alternative at all is named in a warning. Among
 * qualifying targets the lower interruption band wins, then the lower price, as EC2's
 * price-capacity-optimized strategy trades price against capacity.
 *
 * <p>Replicas already on Spot nodes (bound before, or placed on existing nodes by this plan,
 * in-flight NodeClaims included) count toward the share and the pools' loads but never move: a
 * workload that grows a few replicas at a time keeps to the share across decisions, its new nodes
 * going to the pools it has least in.
 */
final class SpotDiversification {
  /** One node (of a batch) and where it may move. */
  private record Alternative(Shape shape, String pool, int band) {}

  private final PackingContext ctx;
  private final Candidates candidates;
  private final PlanOptions.SpotDiversity rule;
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Map<String, Long>> existing;

  /**
   * @param existing replicas per owner already on Spot nodes, per capacity pool ({@link
   *     ExistingSpotReplicas#of})
   */
  SpotDiversification(
      PackingContext ctx, Candidates candidates, Map<String, Map<String, Long>> existing) {
    this.ctx = ctx;
    this.candidates = candidates;
    this.rule = ctx.options().spotDiversity();
    this.existing = existing;
  }

  private Map<String, Long> existingOf(String owner) {
    return existing.getOrDefault(owner, Map.of());
  }

  /** Workloads whose Spot replicas could not be spread, said after {@link #apply}. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  List<NodeBatch> apply(List<NodeBatch> input, PoolBudget budget) {
    if (!rule.enabled()) {
      return input;
    }
    State state = new State(input);
    List<String> owners = new ArrayList<>(state.batchesOf.keySet());
    owners.sort(Comparator.comparingLong((String o) -> -state.replicas(o)).thenComparing(o -> o));
    for (String owner : owners) {
      diversify(owner, state, budget);
    }
    List<NodeBatch> out = new ArrayList<>();
    for (NodeBatch b : state.batches) {
      if (b.nodes() > 0) {
        out.add(b);
      }
    }
    return out;
  }

  /** The batches as they move, with each one's pods per owner and alternatives, computed once. */
  private final class State {
    final List<NodeBatch> batches = new ArrayList<>();
    final List<Map<String, Long>> owners = new ArrayList<>();
    final Map<String, List<Integer>> batchesOf = new LinkedHashMap<>();
    final Map<Integer, List<Alternative>> alternatives = new HashMap<>();

    State(List<NodeBatch> input) {
      input.forEach(b -> add(b, null));
    }

    int add(NodeBatch b, List<Alternative> known) {
      int index = batches.size();
      batches.add(b);
      Map<String, Long> mine = podsByOwner(b);
      owners.add(mine);
      if (isSpot(b)) {
        mine.keySet().forEach(o -> batchesOf.computeIfAbsent(o, k -> new ArrayList<>()).add(index));
      }
      if (known != null) {
        alternatives.put(index, known);
      }
      return index;
    }

    long replicas(String owner) {
      long n = 0;
      for (int b : batchesOf.get(owner)) {
        n += owners.get(b).get(owner) * batches.get(b).nodes();
      }
      return n;
    }

    List<Alternative> alternatives(int b) {
      return alternatives.computeIfAbsent(b, k -> alternativesOf(batches.get(k)));
    }
  }

  private void diversify(String owner, State state, PoolBudget budget) {
    Map<String, Long> already = existingOf(owner);
    long total = state.replicas(owner);
    for (long n : already.values()) {
      total += n;
    }
    long perNodeMax = 0;
    java.util.Set<String> qualifying = new java.util.TreeSet<>(already.keySet());
    for (int b : state.batchesOf.get(owner)) {
      if (state.batches.get(b).nodes() == 0) {
        continue;
      }
      perNodeMax = Math.max(perNodeMax, state.owners.get(b).get(owner));
      qualifying.add(capacityPool(state.batches.get(b).shape()));
      if (total > perNodeMax) {
        state.alternatives(b).forEach(a -> qualifying.add(a.pool()));
      }
    }
    if (total <= perNodeMax) {
      return;
    }
    if (qualifying.size() < 2) {
      warnings.add(
          owner
              + ": all "
              + total
              + " Spot replicas in one capacity pool ("
              + qualifying.iterator().next()
              + "), no other Spot offering of its pools within "
              + Math.round(rule.priceTolerance() * 100)
              + " % of its price; one reclaim stops them all");
      return;
    }
    // The configured share once enough pools qualify; below that, an even split over those there.
    double share =
        qualifying.size() >= rule.minPools()
            ? rule.maxShare()
            : Math.max(rule.maxShare(), 1.0 / qualifying.size());
    long cap = Math.max(perNodeMax, (long) Math.ceil(share * total - 1e-9));
    while (true) {
      Map<String, Long> load = load(owner, state);
      // The fullest pool over the cap that has a new node to move out (existing nodes stay).
      List<String> over = new ArrayList<>();
      load.forEach(
          (pool, n) -> {
            if (n > cap) {
              over.add(pool);
            }
          });
      // Fullest first; among equals, the load map's order (a stable sort), as before existing
      // replicas counted, so plans without them are unchanged.
      over.sort(Comparator.comparingLong((String p) -> -load.get(p)));
      boolean moved = false;
      for (String pool : over) {
        if (moveOne(owner, pool, cap, load, state, budget)) {
          moved = true;
          break;
        }
      }
      if (!moved) {
        return;
      }
    }
  }

  /** Moves one node holding the owner's pods out of the pool; false when none can move. */
  private boolean moveOne(
      String owner, String from, long cap, Map<String, Long> load, State state, PoolBudget budget) {
    int bestBatch = -1;
    Alternative best = null;
    for (int b : state.batchesOf.get(owner)) {
      NodeBatch batch = state.batches.get(b);
      long mine = state.owners.get(b).get(owner);
      if (batch.nodes() == 0 || !capacityPool(batch.shape()).equals(from)) {
        continue;
      }
      for (Alternative a : state.alternatives(b)) {
        if (load.getOrDefault(a.pool(), 0L) + mine > cap
            || !budget.allowsSwap(List.of(batch.shape()), 1, a.shape())) {
          continue;
        }
        if (best == null || better(a, best, load)) {
          best = a;
          bestBatch = b;
        }
      }
    }
    if (best == null) {
      return false;
    }
    NodeBatch source = state.batches.get(bestBatch);
    budget.swap(List.of(source.shape()), 1, best.shape());
    state.batches.set(
        bestBatch,
        new NodeBatch(source.shape(), source.classIds(), source.perNode(), source.nodes() - 1));
    state.add(
        new NodeBatch(best.shape(), source.classIds(), source.perNode(), 1),
        state.alternatives(bestBatch));
    return true;
  }

  private static boolean better(Alternative a, Alternative b, Map<String, Long> load) {
    if (a.band() != b.band()) {
      return a.band() < b.band();
    }
    if (Math.abs(a.shape().price() - b.shape().price()) > 1e-12) {
      return a.shape().price() < b.shape().price();
    }
    long la = load.getOrDefault(a.pool(), 0L);
    long lb = load.getOrDefault(b.pool(), 0L);
    return la != lb ? la < lb : a.pool().compareTo(b.pool()) < 0;
  }

  /**
   * Spot offerings of the node's pool, in other capacity pools, that every class on the node may
   * use, that hold the node's pods, and cost at most the tolerance more.
   */
  private List<Alternative> alternativesOf(NodeBatch batch) {
    Shape current = batch.shape();
    double ceiling = current.price() * (1 + rule.priceTolerance()) + 1e-12;
    long[] used = batch.used(ctx.classes(), ctx.dims());
    // Offerings of the first class within the price ceiling, then checked against the others'.
    List<Alternative> out = new ArrayList<>();
    String here = capacityPool(current);
    int first = batch.classIds()[0];
    List<SpotOffering> offerings = spotOfferings(ctx.classes().get(first));
    // Packing already took the cheapest holding type, so only prices near the node's matter.
    double floor = current.offering().pricePerHour() * (1 - rule.priceTolerance()) - 1e-12;
    for (int k = firstAtOrAbove(offerings, floor); k < offerings.size(); k++) {
      SpotOffering so = offerings.get(k);
      if (so.offering().pricePerHour() + current.storagePerHour() > ceiling) {
        break; // sorted by price
      }
      TypeGroup g = so.group();
      if (g.pool() != current.pool()
          || g.allocatable().get(ResourceNames.CPU) < used[0]
          || g.allocatable().get(ResourceNames.MEMORY) < used[1]
          || !allowedByAll(batch, g, so.index())) {
        continue;
      }
      Offering o = so.offering();
      Shape s = ctx.factory().shape(g, o, ShapeFactory.pinsOf(current, g));
      if (capacityPool(s).equals(here) || !Dimensions.fits(used, s.free()) || !admits(s, batch)) {
        continue;
      }
      out.add(new Alternative(s, capacityPool(s), bandRank(o.band())));
    }
    return out;
  }

  private final Map<List<Candidates.Allowed>, Map<TypeGroup, Long>> masks =
      new java.util.IdentityHashMap<>();

  /** One Spot offering a class may use: offering {@code index} of the group. */
  private record SpotOffering(TypeGroup group, int index, Offering offering) {}

  private final Map<List<Candidates.Allowed>, List<SpotOffering>> spot =
      new java.util.IdentityHashMap<>();

  private static int firstAtOrAbove(List<SpotOffering> offerings, double price) {
    int lo = 0;
    int hi = offerings.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (offerings.get(mid).offering().pricePerHour() < price) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The class's Spot offerings, cheapest first, built once per candidate list. */
  private List<SpotOffering> spotOfferings(PodClass c) {
    return spot.computeIfAbsent(
        candidates.of(c),
        allowed -> {
          List<SpotOffering> out = new ArrayList<>();
          for (Candidates.Allowed a : allowed) {
            for (int i = 0; i < a.group().offerings().size(); i++) {
              Offering o = a.group().offerings().get(i);
              if ((a.mask() & (1L << i)) != 0 && o.capacityType() == CapacityType.SPOT) {
                out.add(new SpotOffering(a.group(), i, o));
              }
            }
          }
          out.sort(Comparator.comparingDouble((SpotOffering x) -> x.offering().pricePerHour()));
          return out;
        });
  }

  /** May every class of the batch use offering i of the group? (Groups by identity: fast.) */
  private boolean allowedByAll(NodeBatch batch, TypeGroup g, int i) {
    for (int c : batch.classIds()) {
      List<Candidates.Allowed> allowed = candidates.of(ctx.classes().get(c));
      Map<TypeGroup, Long> byGroup =
          masks.computeIfAbsent(
              allowed,
              k -> {
                Map<TypeGroup, Long> m = new java.util.IdentityHashMap<>();
                k.forEach(a -> m.merge(a.group(), a.mask(), (x, y) -> x | y));
                return m;
              });
      if ((byGroup.getOrDefault(g, 0L) & (1L << i)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The same rules packing applied: labels and pins, minValues, the exotic filter. */
  private boolean admits(Shape s, NodeBatch batch) {
    boolean anchored = !s.offering().type().exotic();
    for (int c : batch.classIds()) {
      PodClass pc = ctx.classes().get(c);
      if (Compatibility.whyNotLabels(pc, s.template()) != null
          || !ctx.minValues().flexible(pc, s)) {
        return false;
      }
      anchored |= ctx.exotic().needed(pc, s.pool());
    }
    return anchored;
  }

  private Map<String, Long> load(String owner, State state) {
    Map<String, Long> load = new HashMap<>(existingOf(owner));
    for (int b : state.batchesOf.get(owner)) {
      NodeBatch batch = state.batches.get(b);
      if (batch.nodes() > 0) {
        load.merge(
            capacityPool(batch.shape()), state.owners.get(b).get(owner) * batch.nodes(), Long::sum);
      }
    }
    return load;
  }

  private Map<String, Long> podsByOwner(NodeBatch b) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < b.classIds().length; i++) {
      out.merge(ctx.classes().get(b.classIds()[i]).template().owner(), b.perNode()[i], Long::sum);
    }
    return out;
  }

  private static boolean isSpot(NodeBatch b) {
    return b.shape().offering().capacityType() == CapacityType.SPOT;
  }

  /** EC2's unit of Spot capacity: the instance type in a zone. */
  static String capacityPool(Shape s) {
    return s.offering().type().name() + "/" + s.offering().zone();
  }

  private static int bandRank(InterruptionBand band) {
    return band == null ? InterruptionBand.values().length : band.ordinal();
  }

  @Override
  public String toString() {
    return "SpotDiversification" + Objects.toString(rule);
  }
}
