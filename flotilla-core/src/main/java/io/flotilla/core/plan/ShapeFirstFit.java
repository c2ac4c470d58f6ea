package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * First-fit decreasing over a tier's priced shapes, one of the two packings the portfolio compares:
 * pods largest first (cpu, then memory); each onto the emptiest open node that still fits it, else
 * onto a new node. An open node keeps every shape that still holds all its pods, and launches the
 * cheapest of them. (The Karpenter baseline is {@link FirstFitPacker}.)
 */
final class ShapeFirstFit {
  private final List<PodClass> classes;
  private final List<Shape> shapes;
  private final BitSet[] compatible;
  private final Colocation colocation;
  private final int dims;

  ShapeFirstFit(
      List<PodClass> classes,
      List<Shape> shapes,
      BitSet[] compatible,
      Colocation colocation,
      int dims) {
    this.classes = classes;
    this.shapes = shapes;
    this.compatible = compatible;
    this.colocation = colocation;
    this.dims = dims;
  }

  /** A node being filled: the shapes it could still be, what it holds, in what order opened. */
  private final class Claim {
    final int order;
    List<Integer> options;
    final long[] used = new long[dims];
    final long[] counts = new long[classes.size()];
    final int[] colocationCounts = new int[classes.size()];
    final int[] groupCounts = new int[colocation.groupCount()];
    final BitSet present = new BitSet();
    long pods;

    Claim(int order, List<Integer> options) {
      this.order = order;
      this.options = options;
    }

    /** The shapes that would still hold everything plus one more pod of class c. */
    List<Integer> optionsWith(int c) {
      if (colocation.room(c, colocationCounts, groupCounts, present, null) <= 0) {
        return List.of();
      }
      long[] r = classes.get(c).request();
      long[] after = used.clone();
      for (int d = 0; d < dims; d++) {
        after[d] += r[d];
      }
      List<Integer> still = new ArrayList<>();
      for (int s : options) {
        if (compatible[s].get(c) && Dimensions.fits(after, shapes.get(s).free())) {
          still.add(s);
        }
      }
      return still;
    }

    void add(int c, List<Integer> newOptions) {
      options = newOptions;
      long[] r = classes.get(c).request();
      for (int d = 0; d < dims; d++) {
        used[d] += r[d];
      }
      counts[c]++;
      pods++;
      colocation.add(c, 1, colocationCounts, groupCounts, present);
    }
  }

  List<NodeBatch> pack(long[] remaining, PoolBudget budget) {
    List<PodClass> order = new ArrayList<>(classes);
    order.sort(PodClass::bySizeDescending);
    TreeSet<Claim> open =
        new TreeSet<>(Comparator.comparingLong((Claim k) -> k.pods).thenComparingInt(k -> k.order));
    List<Claim> all = new ArrayList<>();
    for (PodClass pc : order) {
      int c = pc.id();
      List<Integer> fresh = new ArrayList<>();
      for (int s = 0; s < shapes.size(); s++) {
        if (compatible[s].get(c)) {
          fresh.add(s);
        }
      }
      fresh.sort(Comparator.comparingDouble(s -> shapes.get(s).price()));
      while (remaining[c] > 0 && !fresh.isEmpty()) {
        Claim target = null;
        List<Integer> options = null;
        for (Claim k : open) {
          List<Integer> still = k.optionsWith(c);
          if (!still.isEmpty()) {
            target = k;
            options = still;
            break;
          }
        }
        if (target == null) {
          // A new node comes from one pool: the first (by name) with an affordable shape.
          List<Integer> affordable = new ArrayList<>();
          String pool = null;
          for (int s : fresh) {
            if (budget.allowance(shapes.get(s)) > 0) {
              String name = shapes.get(s).pool().name();
              if (pool == null || name.compareTo(pool) < 0) {
                pool = name;
              }
            }
          }
          for (int s : fresh) {
            if (shapes.get(s).pool().name().equals(pool) && budget.allowance(shapes.get(s)) > 0) {
              affordable.add(s);
            }
          }
          if (affordable.isEmpty()) {
            break;
          }
          target = new Claim(all.size(), affordable);
          all.add(target);
          options = target.optionsWith(c);
          // Karpenter counts a new claim against limits at its largest candidate type.
          budget.spend(shapes.get(largest(affordable)), 1);
        } else {
          open.remove(target);
        }
        target.add(c, options);
        open.add(target);
        remaining[c]--;
      }
    }
    List<NodeBatch> batches = new ArrayList<>();
    for (Claim k : all) {
      int cheapest = k.options.get(0);
      for (int s : k.options) {
        if (shapes.get(s).price() < shapes.get(cheapest).price()) {
          cheapest = s;
        }
      }
      List<Integer> ids = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      for (int c = 0; c < k.counts.length; c++) {
        if (k.counts[c] > 0) {
          ids.add(c);
          counts.add(k.counts[c]);
        }
      }
      batches.add(
          new NodeBatch(
              shapes.get(cheapest),
              ids.stream().mapToInt(Integer::intValue).toArray(),
              counts.stream().mapToLong(Long::longValue).toArray(),
              1));
    }
    return batches;
  }

  private int largest(List<Integer> options) {
    int best = options.get(0);
    for (int s : options) {
      if (shapes.get(s).capacity().get("cpu") > shapes.get(best).capacity().get("cpu")) {
        best = s;
      }
    }
    return best;
  }
}
