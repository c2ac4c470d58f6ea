package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The fractional LP lower bound on the cost of new nodes: pod classes are assigned to shapes in any
 * fractions, and a shape's node count only has to cover the resources assigned to it. Shapes
 * dominated on resources per dollar by one that serves the same classes are dropped first; with
 * very many classes, requests are rounded down to a 1 % geometric grid so classes merge, which
 * keeps the bound valid and loosens it by at most that rounding.
 */
final class LowerBound {
  static final int MERGE_ABOVE_CLASSES = 400;
  private static final double GRID = 1.01;

  private LowerBound() {}

  /**
   * @param demand pods of each class (by id) that need new nodes
   * @param shapes per class, the shapes it may use (all fit one pod of the class)
   */
  static double solve(
      List<PodClass> classes, long[] demand, Map<Integer, List<Shape>> shapes, int dims) {
    List<long[]> requests = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    List<List<Shape>> options = new ArrayList<>();
    merge(classes, demand, shapes, dims, requests, counts, options);
    if (requests.isEmpty()) {
      return 0;
    }
    List<Shape> universe = new ArrayList<>();
    Map<Shape, BitSet> served = new java.util.IdentityHashMap<>();
    for (int k = 0; k < options.size(); k++) {
      for (Shape s : options.get(k)) {
        if (!served.containsKey(s)) {
          universe.add(s);
          served.put(s, new BitSet());
        }
        served.get(s).set(k);
      }
    }
    List<Shape> kept = undominated(universe, served, dims);
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Map<Shape, Variable> nodes = new java.util.IdentityHashMap<>();
    Map<Shape, Expression[]> capacity = new java.util.IdentityHashMap<>();
    for (Shape s : kept) {
      nodes.put(s, model.addVariable().lower(0).weight(s.price()));
      Expression[] rows = new Expression[dims];
      for (int d = 0; d < dims; d++) {
        if (s.free()[d] > 0) {
          rows[d] = model.addExpression().upper(0);
          rows[d].set(nodes.get(s), -1);
        }
      }
      capacity.put(s, rows);
    }
    for (int k = 0; k < requests.size(); k++) {
      Expression cover = model.addExpression().level(counts.get(k));
      long[] r = requests.get(k);
      for (Shape s : kept) {
        if (!served.get(s).get(k)) {
          continue;
        }
        Variable x = model.addVariable().lower(0);
        cover.set(x, 1);
        Expression[] rows = capacity.get(s);
        for (int d = 0; d < dims; d++) {
          if (r[d] > 0) {
            rows[d].set(x, (double) r[d] / s.free()[d]);
          }
        }
      }
    }
    Optimisation.Result result = model.minimise();
    if (!result.getState().isFeasible()) {
      throw new IllegalStateException("lower-bound LP not solved: " + result.getState());
    }
    return result.getValue();
  }

  /** Classes with the same (possibly rounded) request and the same options become one row. */
  private static void merge(
      List<PodClass> classes,
      long[] demand,
      Map<Integer, List<Shape>> shapes,
      int dims,
      List<long[]> requests,
      List<Long> counts,
      List<List<Shape>> options) {
    long active = 0;
    for (long n : demand) {
      active += n > 0 ? 1 : 0;
    }
    boolean round = active > MERGE_ABOVE_CLASSES;
    Map<List<Object>, Integer> index = new LinkedHashMap<>();
    for (PodClass c : classes) {
      if (demand[c.id()] == 0) {
        continue;
      }
      long[] r = round ? roundDown(c.request()) : c.request();
      List<Shape> opts = shapes.get(c.id());
      List<Object> key = List.of(java.util.Arrays.toString(r), opts);
      Integer k = index.get(key);
      if (k == null) {
        index.put(key, requests.size());
        requests.add(r);
        counts.add(demand[c.id()]);
        options.add(opts);
      } else {
        counts.set(k, counts.get(k) + demand[c.id()]);
      }
    }
  }

  static long[] roundDown(long[] request) {
    long[] r = request.clone();
    for (int d = 0; d < r.length; d++) {
      if (r[d] > 1) {
        double step = Math.floor(Math.log(r[d]) / Math.log(GRID));
        r[d] = Math.min(r[d], (long) Math.floor(Math.pow(GRID, step)));
      }
    }
    return r;
  }

  /**
   * Drops a shape when another serves every class it serves and gives at least as much of every
   * resource per dollar: in a fractional packing it is never needed.
   */
  static List<Shape> undominated(List<Shape> shapes, Map<Shape, BitSet> served, int dims) {
    List<Shape> kept = new ArrayList<>();
    for (Shape s : shapes) {
      boolean dominated = false;
      for (Shape o : shapes) {
        if (o != s && dominates(o, s, served, dims)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        kept.add(s);
      }
    }
    return kept;
  }

  private static boolean dominates(Shape a, Shape b, Map<Shape, BitSet> served, int dims) {
    BitSet mine = (BitSet) served.get(b).clone();
    mine.andNot(served.get(a));
    if (!mine.isEmpty()) {
      return false;
    }
    boolean strict = false;
    for (int d = 0; d < dims; d++) {
      double pa = a.free()[d] / Math.max(a.price(), 1e-12);
      double pb = b.free()[d] / Math.max(b.price(), 1e-12);
      if (pa < pb * (1 - 1e-12)) {
        return false;
      }
      if (pa > pb * (1 + 1e-12)) {
        strict = true;
      }
    }
    // Ties are broken by id so exactly one of two equal shapes survives.
    return strict || a.id() < b.id();
  }
}
