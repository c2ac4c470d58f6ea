package io.flotilla.core.plan;

import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one tier of pools can launch, as Karpenter's scheduler sees it: every instance type each
 * pool admits (a group per pool and type) with all of the pool's offerings, and per kind of pod
 * class the offerings it may use. Unlike the planner's candidates these are not pruned to Spot: a
 * claim turns on-demand when one of its pods needs it, so on-demand offerings stay beside Spot.
 */
final class TierOfferings {
  /** Classes that differ only in requests may use the same offerings. */
  private record Kind(
      List<Requirements> terms,
      List<Toleration> tolerations,
      Set<String> architectures,
      Map<String, String> domain,
      boolean avoidSoftTaints,
      Set<String> hostPorts) {
    static Kind of(PodClass c) {
      return new Kind(
          c.terms(),
          c.template().tolerations(),
          c.template().architectures(),
          c.domain(),
          c.avoidSoftTaints(),
          c.template().hostPorts());
    }
  }

  private final List<NodePool> pools;
  private final List<TypeGroup> groups;
  private final int[] poolOf;
  private final ShapeFactory factory;
  private final Candidates candidates;
  private final Shape[][] shapes;
  private final boolean[] uniform;
  private final Map<Kind, Integer> kinds = new HashMap<>();
  private final List<long[]> masks = new ArrayList<>();
  private final Map<Long, int[]> byPrice = new HashMap<>();
  private final Map<Integer, Set<String>> templateTypes = new HashMap<>();

  TierOfferings(List<NodePool> tier, ShapeFactory factory) {
    this.pools = List.copyOf(tier);
    this.factory = factory;
    List<TypeGroup> all = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int p = 0; p < pools.size(); p++) {
      for (TypeGroup g : factory.groups(pools.get(p), all.size())) {
        all.add(g);
        owners.add(p);
      }
    }
    this.groups = List.copyOf(all);
    this.poolOf = owners.stream().mapToInt(Integer::intValue).toArray();
    this.candidates = new Candidates(groups);
    this.shapes = new Shape[groups.size()][];
    this.uniform = new boolean[groups.size()];
  }

  int poolCount() {
    return pools.size();
  }

  NodePool pool(int p) {
    return pools.get(p);
  }

  TypeGroup group(int g) {
    return groups.get(g);
  }

  /** The class's kind: an id shared by every class that may use the same offerings. */
  int kind(PodClass c) {
    return kinds.computeIfAbsent(
        Kind.of(c),
        k -> {
          long[] mask = new long[groups.size()];
          for (Candidates.Allowed a : candidates.raw(c, c.terms())) {
            mask[a.group().id()] = a.mask();
          }
          masks.add(mask);
          return masks.size() - 1;
        });
  }

  /** The offerings of group g the kind may use, as a bit mask over the group's offerings. */
  long mask(int kind, int g) {
    return masks.get(kind)[g];
  }

  /**
   * The pool's groups the kind may use, by the price of their cheapest such offering, then by type
   * name: Karpenter's order for instance types.
   */
  int[] byPrice(int kind, int pool) {
    return byPrice.computeIfAbsent(
        (long) kind * pools.size() + pool,
        k -> {
          long[] mask = masks.get(kind);
          List<Integer> usable = new ArrayList<>();
          for (int g = 0; g < groups.size(); g++) {
            if (poolOf[g] == pool && mask[g] != 0) {
              usable.add(g);
            }
          }
          usable.sort(
              Comparator.comparingDouble((Integer g) -> cheapest(g, mask[g]))
                  .thenComparing(g -> groups.get(g).type().name()));
          return usable.stream().mapToInt(Integer::intValue).toArray();
        });
  }

  /**
   * Whether the type of group g is among its pool's {@link InstanceSelection#MAX_INSTANCE_TYPES}
   * cheapest: the template's candidate types, ranked by the cheapest offering the pool allows
   * (whatever pod comes), then by name. A claim's options never reach beyond them.
   */
  boolean inTemplate(int g) {
    Set<String> kept =
        templateTypes.computeIfAbsent(
            poolOf[g],
            pool -> {
              Map<String, Double> price = new HashMap<>();
              for (int h = 0; h < groups.size(); h++) {
                int offerings = groups.get(h).offerings().size();
                if (poolOf[h] == pool && offerings > 0) {
                  double own = cheapest(h, -1L >>> (64 - offerings));
                  price.merge(groups.get(h).type().name(), own, Math::min);
                }
              }
              return Set.copyOf(
                  price.keySet().stream()
                      .sorted(
                          Comparator.comparingDouble((String t) -> price.get(t))
                              .thenComparing(t -> t))
                      .limit(InstanceSelection.MAX_INSTANCE_TYPES)
                      .toList());
            });
    return kept.contains(groups.get(g).type().name());
  }

  /** Whether any pool of the tier has an offering for the kind. */
  boolean admits(int kind) {
    for (long m : masks.get(kind)) {
      if (m != 0) {
        return true;
      }
    }
    return false;
  }

  Offering offering(int g, int i) {
    return groups.get(g).offerings().get(i);
  }

  /** The price of the cheapest offering in the mask (infinite when the mask is empty). */
  double cheapest(int g, long mask) {
    double best = Double.POSITIVE_INFINITY;
    for (long m = mask; m != 0; m &= m - 1) {
      best = Math.min(best, offering(g, Long.numberOfTrailingZeros(m)).pricePerHour());
    }
    return best;
  }

  /** The node one offering of group g launches, after its DaemonSets. */
  Shape shape(int g, int i) {
    return shapes(g)[i];
  }

  /** The node one offering launches with values fixed for the pool's open custom keys. */
  Shape shape(int g, int i, Map<String, String> pins) {
    return pins.isEmpty() ? shape(g, i) : factory.shape(groups.get(g), offering(g, i), pins);
  }

  /** The offerings of the mask whose nodes have room for {@code used}. */
  long fitting(int g, long mask, long[] used) {
    Shape[] s = shapes(g);
    if (uniform[g]) {
      return mask != 0 && Dimensions.fits(used, s[0].free()) ? mask : 0;
    }
    long fit = 0;
    for (long m = mask; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      if (Dimensions.fits(used, s[i].free())) {
        fit |= 1L << i;
      }
    }
    return fit;
  }

  /** Raises {@code into} to the room of every offering in the mask, dimension by dimension. */
  void widen(long[] into, int g, long mask) {
    Shape[] s = shapes(g);
    long m = uniform[g] ? Long.lowestOneBit(mask) : mask;
    for (; m != 0; m &= m - 1) {
      long[] free = s[Long.numberOfTrailingZeros(m)].free();
      for (int d = 0; d < into.length; d++) {
        into[d] = Math.max(into[d], free[d]);
      }
    }
  }

  private Shape[] shapes(int g) {
    if (shapes[g] == null) {
      TypeGroup group = groups.get(g);
      Shape[] built = new Shape[group.offerings().size()];
      boolean same = true;
      for (int i = 0; i < built.length; i++) {
        built[i] = factory.shape(group, group.offerings().get(i));
        same &= Arrays.equals(built[i].free(), built[0].free());
      }
      shapes[g] = built;
      uniform[g] = same;
    }
    return shapes[g];
  }
}
