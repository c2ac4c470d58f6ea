package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;
import org.ojalgo.structure.Access1D;
import org.ojalgo.structure.Mutate1D;

/**
 * A linear program in the one form the bounds need: minimise {@code c·x} subject to rows {@code a·x
 * <= b} and {@code 0 <= x <= upper}, solved by ojalgo's simplex. It hands back the row duals as
 * well ({@code >= 0}, with reduced costs {@code c + Aᵀλ}), which the bounds turn into certificates;
 * ojalgo's builder is used rather than its modelling layer, which presolves rows away and is ten
 * times slower on these programs.
 */
final class LinearProgram {
  static final int ITERATIONS_PER_SIZE = 2;
  static final int MIN_ITERATIONS = 2_000;

  /**
   * A safeguard beside the iteration limit: on some masters of 20,000 diverse pods each of ojalgo's
   * dual simplex iterations refactors the basis, and the iterations allowed took many minutes. A
   * solve stopped by either limit is not optimal: the bounds then keep the best certificate they
   * have, which is valid but may be less tight (and, for this limit only, depend on the machine).
   */
  static final long TIME_LIMIT_MILLIS = 20_000;

  private final double[] cost;
  private final double[] upper;
  private final List<int[]> rowIndex = new ArrayList<>();
  private final List<double[]> rowValue = new ArrayList<>();
  private final List<Double> rhs = new ArrayList<>();

  /**
   * The solution: values of the variables and duals of the rows (both empty when not solved), and
   * the solver's final state, for messages.
   */
  record Solution(boolean optimal, double value, double[] x, double[] duals, String state) {
    static Solution notSolved(String state) {
      return new Solution(false, Double.NaN, new double[0], new double[0], state);
    }
  }

  LinearProgram(int variables) {
    cost = new double[variables];
    upper = new double[variables];
    Arrays.fill(upper, Double.POSITIVE_INFINITY);
  }

  int variables() {
    return cost.length;
  }

  int rows() {
    return rhs.size();
  }

  void cost(int variable, double c) {
    cost[variable] = c;
  }

  void upper(int variable, double u) {
    upper[variable] = u;
  }

  /** Adds the row {@code sum values[i] * x[indices[i]] <= bound}; returns its position. */
  int row(int[] indices, double[] values, double bound) {
    if (indices.length != values.length) {
      throw new IllegalArgumentException("indices and values differ in length");
    }
    rowIndex.add(indices);
    rowValue.add(values);
    rhs.add(bound);
    return rhs.size() - 1;
  }

  /** Adds the row {@code sum values[i] * x[indices[i]] <= bound}; returns its position. */
  int row(List<Integer> indices, List<Double> values, double bound) {
    return row(
        indices.stream().mapToInt(Integer::intValue).toArray(),
        values.stream().mapToDouble(Double::doubleValue).toArray(),
        bound);
  }

  /** Adds the row {@code sum value * x[i] <= bound} over the given variables. */
  int row(List<Integer> indices, double value, double bound) {
    double[] values = new double[indices.size()];
    Arrays.fill(values, value);
    return row(indices.stream().mapToInt(Integer::intValue).toArray(), values, bound);
  }

  Solution solve() {
    Solution plain = solve(null, null);
    if (plain.optimal()) {
      return plain;
    }
    // ojalgo's simplex has reported INFEASIBLE on feasible programs whose rows mix coefficients
    // of very different size (MiB of memory beside pod counts); the same program with every row
    // divided by its largest coefficient has the same solutions, and its duals scale back.
    Solution rows = solve(rowScales(), null);
    if (rows.optimal()) {
      return rows;
    }
    // And on some masters of 20,000 diverse pods with rows scaled: scaling the columns as well
    // (each variable by its largest coefficient after the rows') gave it other pivots.
    double[] rowScale = rowScales();
    return solve(rowScale, columnScales(rowScale));
  }

  /**
   * Simplex iterations allowed per solve: far more than a well-behaved solve of these programs
   * takes (a few per row and column), and a bound on the minutes ojalgo's dual simplex spent
   * cycling on one degenerate master of 10,000 diverse pods. Iterations rather than time keep the
   * result the same on every run.
   */
  private int iterationLimit() {
    long limit = ITERATIONS_PER_SIZE * (long) (rows() + variables());
    return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_ITERATIONS, limit));
  }

  /** The program solved with every row divided by its largest coefficient (tests compare). */
  Solution solveScaled() {
    return solve(rowScales(), null);
  }

  /** The program solved with rows and then columns divided by their largest coefficient. */
  Solution solveColumnScaled() {
    double[] rowScale = rowScales();
    return solve(rowScale, columnScales(rowScale));
  }

  private double[] columnScales(double[] rowScale) {
    double[] scale = new double[cost.length];
    for (int r = 0; r < rhs.size(); r++) {
      int[] idx = rowIndex.get(r);
      double[] val = rowValue.get(r);
      for (int i = 0; i < idx.length; i++) {
        scale[idx[i]] = Math.max(scale[idx[i]], Math.abs(val[i]) / rowScale[r]);
      }
    }
    for (int j = 0; j < scale.length; j++) {
      scale[j] = scale[j] > 0 ? scale[j] : 1;
    }
    return scale;
  }

  private double[] rowScales() {
    double[] scale = new double[rhs.size()];
    for (int r = 0; r < scale.length; r++) {
      double largest = 0;
      for (double v : rowValue.get(r)) {
        largest = Math.max(largest, Math.abs(v));
      }
      scale[r] = largest > 0 ? largest : 1;
    }
    return scale;
  }

  /**
   * Solves the program, each row divided by {@code scale} of it when given, and each variable
   * {@code x[j]} replaced by {@code columns[j] * y[j]} when given.
   */
  private Solution solve(double[] scale, double[] columns) {
    double[] c = cost.clone();
    double[] u = upper.clone();
    if (columns != null) {
      for (int j = 0; j < c.length; j++) {
        c[j] *= columns[j];
        u[j] /= columns[j];
      }
    }
    LinearSolver.Builder builder = LinearSolver.newBuilder(c);
    for (int r = 0; r < rhs.size(); r++) {
      double by = scale == null ? 1 : scale[r];
      Mutate1D row = builder.inequality(rhs.get(r) / by);
      int[] idx = rowIndex.get(r);
      double[] val = rowValue.get(r);
      for (int i = 0; i < idx.length; i++) {
        if (val[i] != 0) {
          row.set(idx[i], val[i] / by * (columns == null ? 1 : columns[idx[i]]));
        }
      }
    }
    builder.lower(0);
    builder.upper(u);
    Optimisation.Options options = new Optimisation.Options();
    options.iterations_abort = iterationLimit();
    options.time_abort = TIME_LIMIT_MILLIS;
    Optimisation.Result result = builder.build(options).solve();
    if (!result.getState().isOptimal()) {
      return Solution.notSolved(result.getState().name());
    }
    double[] x = new double[cost.length];
    for (int j = 0; j < x.length; j++) {
      x[j] = result.doubleValue(j) * (columns == null ? 1 : columns[j]);
    }
    double[] duals = new double[rhs.size()];
    Access1D<?> multipliers = result.getMultipliers().orElse(null);
    if (multipliers != null) {
      for (int r = 0; r < duals.length && r < multipliers.count(); r++) {
        // A row's dual is never negative in this form; tiny negative noise is dropped. A scaled
        // row's dual is the original row's times its scale.
        double by = scale == null ? 1 : scale[r];
        duals[r] = Math.max(0, multipliers.doubleValue(r)) / by;
      }
    }
    double value = 0;
    for (int j = 0; j < x.length; j++) {
      value += cost[j] * x[j];
    }
    if (!Double.isFinite(value)) {
      // ojalgo has reported OPTIMAL with NaN values on badly conditioned programs.
      return Solution.notSolved("OPTIMAL with a value of " + value);
    }
    return new Solution(true, value, x, duals, result.getState().name());
  }
}
