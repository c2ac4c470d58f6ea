package io.flotilla.core.plan;

import io.flotilla.core.catalog.Offering;
import io.flotilla.core.nodepool.NodePool;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One tier of pools (the same weight): the shapes worth considering (each class's cheapest offering
 * per instance type, so zones are only multiplied where a class is pinned to one), which classes
 * each shape can hold, and the packing of the classes that reach this tier.
 */
final class TierPacking {
  private TierPacking() {}

  /** What a tier launched, and the shapes it chose from with the classes each could hold. */
  record Result(List<NodeBatch> batches, List<Shape> shapes, List<BitSet> compatible) {
    static final Result EMPTY = new Result(List.of(), List.of(), List.of());
  }

  static Result pack(
      List<NodePool> tier,
      List<PodClass> classes,
      Map<Integer, List<Candidates.Allowed>> allowed,
      long[] remaining,
      ShapeFactory factory,
      Colocation colocation,
      int dims,
      PoolBudget budget) {
    Set<String> names = tier.stream().map(NodePool::name).collect(Collectors.toSet());
    Map<Integer, List<Candidates.Allowed>> here = new LinkedHashMap<>();
    Map<Long, Shape> universe = new HashMap<>();
    List<Shape> shapes = new ArrayList<>();
    for (PodClass c : classes) {
      if (remaining[c.id()] == 0) {
        continue;
      }
      List<Candidates.Allowed> mine = new ArrayList<>();
      for (Candidates.Allowed a : allowed.getOrDefault(c.id(), List.of())) {
        if (names.contains(a.group().pool().name())) {
          mine.add(a);
          int cheapest = cheapest(a);
          long key = key(a.group(), cheapest);
          if (!universe.containsKey(key)) {
            Shape s = factory.shape(a.group(), a.group().offerings().get(cheapest));
            universe.put(key, s);
            shapes.add(s);
          }
        }
      }
      if (!mine.isEmpty()) {
        here.put(c.id(), mine);
      }
    }
    if (here.isEmpty()) {
      return Result.EMPTY;
    }
    Map<Shape, Integer> position = new HashMap<>();
    for (int i = 0; i < shapes.size(); i++) {
      position.put(shapes.get(i), i);
    }
    BitSet[] compatible = new BitSet[shapes.size()];
    for (int i = 0; i < compatible.length; i++) {
      compatible[i] = new BitSet(classes.size());
    }
    here.forEach(
        (c, mine) -> {
          long[] request = classes.get(c).request();
          for (Candidates.Allowed a : mine) {
            for (int i = 0; i < a.group().offerings().size(); i++) {
              Shape s = universe.get(key(a.group(), i));
              if (s != null && (a.mask() & (1L << i)) != 0 && Dimensions.fits(request, s.free())) {
                compatible[position.get(s)].set(c);
              }
            }
          }
        });
    List<Shape> useful = new ArrayList<>();
    List<BitSet> usefulCompat = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      if (!compatible[i].isEmpty()) {
        useful.add(shapes.get(i));
        usefulCompat.add(compatible[i]);
      }
    }
    List<NodeBatch> batches =
        new PatternPacker(classes, useful, usefulCompat.toArray(BitSet[]::new), colocation, dims)
            .pack(remaining, budget);
    return new Result(batches, useful, usefulCompat);
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
