package io.flotilla.core.plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A small integer program, minimise {@code c·y} over whole numbers {@code 0 <= y <= upper} with
 * rows {@code a·y <= b}, solved by a depth-first branch and bound of our own over {@link
 * LinearProgram} relaxations. Our own because ojalgo's integer solver searches concurrently and
 * answers differently from run to run among near-equal solutions; this one visits nodes in one
 * order, so the same program always gets the same answer. It answers only with a proven optimum,
 * within a budget of branch-and-bound nodes.
 */
final class IntegerCover {
  private static final double INTEGRAL = 1e-6;
  private static final double IMPROVES = 1e-9;

  /** Variables a node may cost on average: wide programs get fewer nodes. */
  private static final long WORK_PER_NODE = 1_000;

  /** One row {@code sum values[i] * y[indices[i]] <= bound}. */
  record Row(int[] indices, double[] values, double bound) {}

  private final double[] cost;
  private final double[] upper;
  private final List<Row> rows;

  IntegerCover(double[] cost, double[] upper, List<Row> rows) {
    this.cost = cost.clone();
    this.upper = upper.clone();
    this.rows = List.copyOf(rows);
  }

  /** The branch-and-bound node: bounds tightened from the root's. */
  private record Node(double[] lower, double[] upper) {}

  /**
   * The proven cheapest solution costing less than {@code toBeat} (a known solution's value, or
   * infinity), or empty when there is none or the budget ran out first. The budget counts
   * branch-and-bound nodes and, so that wide programs stop early too, nodes times variables.
   */
  Optional<long[]> solve(long maxNodes, double toBeat) {
    long[] best = null;
    double bestValue = toBeat;
    long maxWork = maxNodes * WORK_PER_NODE;
    Deque<Node> open = new ArrayDeque<>();
    open.push(new Node(new double[cost.length], upper.clone()));
    long visited = 0;
    while (!open.isEmpty()) {
      if (++visited > maxNodes || visited * cost.length > maxWork) {
        return Optional.empty();
      }
      Node node = open.pop();
      LinearProgram.Solution s = relaxation(node);
      if (!s.optimal() || s.value() >= bestValue - IMPROVES) {
        continue;
      }
      long[] rounded = roundedUp(s.x(), node);
      if (rounded != null) {
        double v = value(rounded);
        if (v < bestValue - IMPROVES) {
          best = rounded;
          bestValue = v;
        }
      }
      int j = mostFractional(s.x());
      if (j < 0) {
        continue; // integral: the rounding above took it
      }
      double x = s.x()[j];
      double[] downUpper = node.upper().clone();
      downUpper[j] = Math.floor(x);
      double[] upLower = node.lower().clone();
      upLower[j] = Math.ceil(x);
      // The branch rounding up is searched first (pushed last): covering wants more nodes.
      open.push(new Node(node.lower(), downUpper));
      open.push(new Node(upLower, node.upper()));
    }
    return Optional.ofNullable(best);
  }

  private LinearProgram.Solution relaxation(Node node) {
    LinearProgram lp = new LinearProgram(cost.length);
    for (int j = 0; j < cost.length; j++) {
      lp.cost(j, cost[j]);
      lp.upper(j, node.upper()[j]);
      if (node.lower()[j] > node.upper()[j]) {
        return LinearProgram.Solution.notSolved("bounds cross");
      }
      if (node.lower()[j] > 0) {
        lp.row(new int[] {j}, new double[] {-1}, -node.lower()[j]);
      }
    }
    for (Row r : rows) {
      lp.row(r.indices(), r.values(), r.bound());
    }
    return lp.solve();
  }

  private static int mostFractional(double[] x) {
    int best = -1;
    double most = INTEGRAL;
    for (int j = 0; j < x.length; j++) {
      double f = Math.abs(x[j] - Math.rint(x[j]));
      if (f > most) {
        most = f;
        best = j;
      }
    }
    return best;
  }

  /** The relaxation rounded up, when that keeps every row and bound. */
  private long[] roundedUp(double[] x, Node node) {
    long[] y = new long[x.length];
    for (int j = 0; j < x.length; j++) {
      y[j] = (long) Math.ceil(x[j] - INTEGRAL);
      if (y[j] > node.upper()[j] + INTEGRAL) {
        return null;
      }
    }
    for (Row r : rows) {
      double lhs = 0;
      for (int i = 0; i < r.indices().length; i++) {
        lhs += r.values()[i] * y[r.indices()[i]];
      }
      if (lhs > r.bound() + INTEGRAL) {
        return null;
      }
    }
    return y;
  }

  private double value(long[] y) {
    double v = 0;
    for (int j = 0; j < y.length; j++) {
      v += cost[j] * y[j];
    }
    return v;
  }
}
