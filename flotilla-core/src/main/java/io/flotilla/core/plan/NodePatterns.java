package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The node patterns {@link ExactPacker} chooses from: every maximal feasible pattern of every shape
 * (room in every resource, and the co-location rules: per-class caps, conflicts, group caps), less
 * those a cheaper shape makes redundant. Kept apart from the packer because the enumeration carries
 * its own depth-first state and co-location counters.
 */
final class NodePatterns {
  private final List<PodClass> classes;
  private final List<Shape> shapes;
  private final BitSet[] compatible;
  private final Colocation colocation;
  private final int dims;
  private final int[][] groupsOf;

  /**
   * @param compatible per shape (by position in {@code shapes}), the classes that may use it
   */
  NodePatterns(
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
    List<List<Integer>> of = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      of.add(new ArrayList<>());
    }
    List<Colocation.Group> groups = colocation.groups();
    for (int g = 0; g < groups.size(); g++) {
      BitSet m = groups.get(g).members();
      for (int c = m.nextSetBit(0); c >= 0 && c < classes.size(); c = m.nextSetBit(c + 1)) {
        of.get(c).add(g);
      }
    }
    groupsOf =
        of.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
  }

  /**
   * Every maximal pattern of every shape, or empty when there are more than {@code maxPatterns} (or
   * the enumeration visits more than 64 times as many partial patterns).
   */
  Optional<List<NodePattern>> patterns(long[] remaining, BitSet active, long maxPatterns) {
    List<NodePattern> out = new ArrayList<>();
    Enumeration e = new Enumeration(remaining, maxPatterns, out);
    for (int s = 0; s < shapes.size(); s++) {
      BitSet mine = (BitSet) compatible[s].clone();
      mine.and(active);
      long[] room = free(s);
      int[] ids = mine.stream().filter(c -> Dimensions.fits(request(c), room)).toArray();
      if (ids.length == 0) {
        continue;
      }
      if (!e.run(s, ids)) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  private long[] request(int c) {
    return classes.get(c).request();
  }

  private long[] free(int s) {
    return shapes.get(s).free();
  }

  /** Depth-first over a shape's classes, most pods first, keeping the maximal leaves. */
  private final class Enumeration {
    final long[] remaining;
    final long maxPatterns;
    final long maxSteps;
    final List<NodePattern> out;
    long steps;
    int shape;
    int[] ids;
    final long[] counts;
    final int[] coCounts;
    final int[] groupCounts;
    final BitSet present = new BitSet();

    Enumeration(long[] remaining, long maxPatterns, List<NodePattern> out) {
      this.remaining = remaining;
      this.maxPatterns = maxPatterns;
      this.maxSteps = maxPatterns * 64;
      this.out = out;
      this.counts = new long[classes.size()];
      this.coCounts = new int[classes.size()];
      this.groupCounts = new int[colocation.groupCount()];
    }

    boolean run(int s, int[] classIds) {
      shape = s;
      ids = classIds;
      return dfs(0, free(s).clone());
    }

    /** How many more pods of class c this node may take by the co-location rules. */
    long room(int c) {
      return colocation.active()
          ? colocation.room(c, coCounts, groupCounts, present, null)
          : Long.MAX_VALUE;
    }

    boolean dfs(int depth, long[] free) {
      if (++steps > maxSteps) {
        return false;
      }
      if (depth == ids.length) {
        return leaf(free);
      }
      int c = ids[depth];
      long most =
          Math.min(remaining[c], Math.min(Dimensions.copiesThatFit(request(c), free), room(c)));
      for (long n = most; n >= 0; n--) {
        take(c, n, free);
        boolean ok = dfs(depth + 1, free);
        take(c, -n, free);
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    void take(int c, long n, long[] free) {
      if (n == 0) {
        return;
      }
      Dimensions.subtract(free, request(c), n);
      counts[c] += n;
      if (colocation.active()) {
        coCounts[c] += (int) n;
        for (int g : groupsOf[c]) {
          groupCounts[g] += (int) n;
        }
        if (coCounts[c] > 0) {
          present.set(c);
        } else {
          present.clear(c);
        }
      }
    }

    /** Keeps the pattern when it is not empty and no class could add a pod to it. */
    boolean leaf(long[] free) {
      int m = 0;
      for (int c : ids) {
        if (counts[c] > 0) {
          m++;
        }
        if (counts[c] < remaining[c] && Dimensions.fits(request(c), free) && room(c) > 0) {
          return true;
        }
      }
      if (m == 0) {
        return true;
      }
      if (out.size() >= maxPatterns) {
        return false;
      }
      int[] classIds = new int[m];
      long[] n = new long[m];
      int i = 0;
      for (int c : ids) {
        if (counts[c] > 0) {
          classIds[i] = c;
          n[i++] = counts[c];
        }
      }
      out.add(new NodePattern(shape, classIds, n));
      return true;
    }
  }

  /**
   * Drops a pattern when a cheaper shape (or an equally priced one listed first) holds the same
   * pods and uses no more of any limited pool: some maximal pattern of that shape then covers it
   * for less.
   */
  List<NodePattern> undominated(List<NodePattern> patterns, PoolBudget budget) {
    List<NodePattern> kept = new ArrayList<>();
    for (NodePattern p : patterns) {
      long[] used = new long[dims];
      for (int i = 0; i < p.classIds().length; i++) {
        long[] r = request(p.classIds()[i]);
        for (int d = 0; d < dims; d++) {
          used[d] += r[d] * p.counts()[i];
        }
      }
      Shape mine = shapes.get(p.shape());
      boolean dominated = false;
      for (int s = 0; s < shapes.size() && !dominated; s++) {
        Shape other = shapes.get(s);
        if (s == p.shape()
            || other.price() > mine.price()
            || (other.price() == mine.price() && s > p.shape())
            || !Dimensions.fits(used, other.free())
            || !budgetNoWorse(other, mine)) {
          continue;
        }
        boolean holds = true;
        for (int c : p.classIds()) {
          holds &= compatible[s].get(c);
        }
        dominated = holds;
      }
      if (!dominated) {
        kept.add(p);
      }
    }
    return kept;
  }

  /** A node of a uses no more of any limited pool than a node of b. */
  private static boolean budgetNoWorse(Shape a, Shape b) {
    NodePool pa = a.pool();
    if (pa.limits().isEmpty() && pa.maxNodes() == null) {
      return true;
    }
    if (pa != b.pool()) {
      return false;
    }
    for (String limit : pa.limits().names()) {
      if (PoolBudget.counted(a, limit) > PoolBudget.counted(b, limit)) {
        return false;
      }
    }
    return true;
  }
}
