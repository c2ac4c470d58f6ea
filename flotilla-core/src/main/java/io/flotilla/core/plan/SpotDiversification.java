package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
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
 * qualify. Among qualifying targets the lower interruption band wins, then the lower price, as
 * EC2's price-capacity-optimized strategy trades price against capacity.
 */
final class SpotDiversification {
  /** One node (of a batch) and where it may move. */
  private record Alternative(Shape shape, String pool, int band) {}

  private final PackingContext ctx;
  private final Candidates candidates;
  private final PlanOptions.SpotDiversity rule;

  SpotDiversification(PackingContext ctx, Candidates candidates) {
    this.ctx = ctx;
    this.candidates = candidates;
    this.rule = ctx.options().spotDiversity();
  }

  List<NodeBatch> apply(List<NodeBatch> input, PoolBudget budget) {
    if (!rule.enabled()) {
      return input;
    }
    List<NodeBatch> batches = new ArrayList<>(input);
    Map<String, List<Integer>> nodesOf = new LinkedHashMap<>();
    Map<String, Long> replicas = new HashMap<>();
    for (int b = 0; b < batches.size(); b++) {
      NodeBatch batch = batches.get(b);
      if (batch.shape().offering().capacityType() != CapacityType.SPOT) {
        continue;
      }
      for (Map.Entry<String, Long> e : podsByOwner(batch).entrySet()) {
        nodesOf.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(b);
        replicas.merge(e.getKey(), e.getValue() * batch.nodes(), Long::sum);
      }
    }
    List<String> owners = new ArrayList<>(nodesOf.keySet());
    owners.sort(Comparator.comparingLong((String o) -> -replicas.get(o)).thenComparing(o -> o));
    Map<Integer, List<Alternative>> alternatives = new HashMap<>();
    for (String owner : owners) {
      diversify(owner, replicas.get(owner), batches, alternatives, budget);
    }
    batches.removeIf(b -> b.nodes() == 0);
    return batches;
  }

  private void diversify(
      String owner,
      long total,
      List<NodeBatch> batches,
      Map<Integer, List<Alternative>> alternatives,
      PoolBudget budget) {
    long perNodeMax = 0;
    java.util.Set<String> qualifying = new java.util.TreeSet<>();
    for (int b = 0; b < batches.size(); b++) {
      NodeBatch batch = batches.get(b);
      long mine = podsByOwner(batch).getOrDefault(owner, 0L);
      if (mine == 0 || batch.nodes() == 0 || !isSpot(batch)) {
        continue;
      }
      perNodeMax = Math.max(perNodeMax, mine);
      qualifying.add(capacityPool(batch.shape()));
      for (Alternative a : alternatives.computeIfAbsent(b, k -> alternativesOf(batches.get(k)))) {
        qualifying.add(a.pool());
      }
    }
    if (qualifying.size() < rule.minPools() || total <= perNodeMax) {
      return;
    }
    long cap = Math.max(perNodeMax, (long) Math.ceil(rule.maxShare() * total - 1e-9));
    while (true) {
      Map<String, Long> load = load(owner, batches);
      String fullest = null;
      for (Map.Entry<String, Long> e : load.entrySet()) {
        if (e.getValue() > cap && (fullest == null || e.getValue() > load.get(fullest))) {
          fullest = e.getKey();
        }
      }
      if (fullest == null || !moveOne(owner, fullest, cap, load, batches, alternatives, budget)) {
        return;
      }
    }
  }

  /** Moves one node holding the owner's pods out of the pool; false when none can move. */
  private boolean moveOne(
      String owner,
      String from,
      long cap,
      Map<String, Long> load,
      List<NodeBatch> batches,
      Map<Integer, List<Alternative>> alternatives,
      PoolBudget budget) {
    int bestBatch = -1;
    Alternative best = null;
    for (int b = 0; b < batches.size(); b++) {
      NodeBatch batch = batches.get(b);
      long mine = podsByOwner(batch).getOrDefault(owner, 0L);
      if (mine == 0
          || batch.nodes() == 0
          || !isSpot(batch)
          || !capacityPool(batch.shape()).equals(from)) {
        continue;
      }
      for (Alternative a : alternatives.computeIfAbsent(b, k -> alternativesOf(batches.get(k)))) {
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
    NodeBatch source = batches.get(bestBatch);
    budget.swap(List.of(source.shape()), 1, best.shape());
    batches.set(
        bestBatch,
        new NodeBatch(source.shape(), source.classIds(), source.perNode(), source.nodes() - 1));
    batches.add(new NodeBatch(best.shape(), source.classIds(), source.perNode(), 1));
    int moved = batches.size() - 1;
    alternatives.put(moved, alternatives.get(bestBatch));
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
    Map<TypeGroup, Long> common = null;
    for (int c : batch.classIds()) {
      Map<TypeGroup, Long> masks = new LinkedHashMap<>();
      for (Candidates.Allowed a : candidates.of(ctx.classes().get(c))) {
        if (a.group().pool() == current.pool()) {
          masks.merge(a.group(), a.mask(), (x, y) -> x | y);
        }
      }
      if (common == null) {
        common = masks;
      } else {
        Map<TypeGroup, Long> next = new LinkedHashMap<>();
        for (Map.Entry<TypeGroup, Long> e : common.entrySet()) {
          long m = e.getValue() & masks.getOrDefault(e.getKey(), 0L);
          if (m != 0) {
            next.put(e.getKey(), m);
          }
        }
        common = next;
      }
    }
    List<Alternative> out = new ArrayList<>();
    String here = capacityPool(current);
    for (Map.Entry<TypeGroup, Long> e : common.entrySet()) {
      TypeGroup g = e.getKey();
      for (int i = 0; i < g.offerings().size(); i++) {
        Offering o = g.offerings().get(i);
        if ((e.getValue() & (1L << i)) == 0
            || o.capacityType() != CapacityType.SPOT
            || o.pricePerHour() + current.storagePerHour() > ceiling) {
          continue;
        }
        Shape s = ctx.factory().shape(g, o, ShapeFactory.pinsOf(current, g));
        if (capacityPool(s).equals(here) || !Dimensions.fits(used, s.free()) || !admits(s, batch)) {
          continue;
        }
        out.add(new Alternative(s, capacityPool(s), bandRank(o.band())));
      }
    }
    return out;
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

  private Map<String, Long> load(String owner, List<NodeBatch> batches) {
    Map<String, Long> load = new HashMap<>();
    for (NodeBatch b : batches) {
      long mine = podsByOwner(b).getOrDefault(owner, 0L);
      if (mine > 0 && b.nodes() > 0 && isSpot(b)) {
        load.merge(capacityPool(b.shape()), mine * b.nodes(), Long::sum);
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
