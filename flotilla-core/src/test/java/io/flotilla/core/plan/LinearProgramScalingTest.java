package io.flotilla.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A program solved with its rows scaled, or rows and columns (the retries when ojalgo gives up on
 * the plain one), gives a solution that meets the original rows, and duals that, scaled back, prove
 * it optimal on them. (On these programs ojalgo's unscaled answer is sometimes not optimal, or not
 * feasible: that is why the retry exists, and why this test does not compare with it.)
 */
class LinearProgramScalingTest {
  private record Program(
      LinearProgram lp, double[] cost, double[] upper, double[][] a, double[] b) {}

  /** Rows of mixed magnitude (1e-3 to 1e6), x = 0 feasible, finite upper bounds, some gains. */
  private static Program random(SplittableRandom random) {
    int n = 3 + random.nextInt(6);
    int m = 2 + random.nextInt(5);
    LinearProgram lp = new LinearProgram(n);
    double[] cost = new double[n];
    double[] upper = new double[n];
    for (int j = 0; j < n; j++) {
      cost[j] = random.nextDouble() * 4 - 3;
      upper[j] = 1 + random.nextInt(10);
      lp.cost(j, cost[j]);
      lp.upper(j, upper[j]);
    }
    double[][] a = new double[m][n];
    double[] b = new double[m];
    for (int r = 0; r < m; r++) {
      double magnitude = Math.pow(10, random.nextInt(10) - 3);
      int[] idx = new int[n];
      for (int j = 0; j < n; j++) {
        idx[j] = j;
        a[r][j] = random.nextInt(3) == 0 ? 0 : magnitude * random.nextDouble();
      }
      b[r] = magnitude * (1 + random.nextDouble() * 5);
      lp.row(idx, a[r].clone(), b[r]);
    }
    return new Program(lp, cost, upper, a, b);
  }

  /** min over 0 <= x <= upper of c.x + lambda.(Ax - b): a lower bound for any duals >= 0. */
  private static double lagrangian(Program p, double[] duals) {
    double value = 0;
    for (int r = 0; r < p.b().length; r++) {
      value -= duals[r] * p.b()[r];
    }
    for (int j = 0; j < p.cost().length; j++) {
      double reduced = p.cost()[j];
      for (int r = 0; r < p.b().length; r++) {
        reduced += duals[r] * p.a()[r][j];
      }
      value += Math.min(0, reduced) * p.upper()[j];
    }
    return value;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void scaledRowsGiveAFeasibleSolutionAndDualsThatProveItOptimalOnTheOriginalRows(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 40; round++) {
      Program p = random(random);
      assertOptimalOnTheOriginalProgram(p, p.lp().solveScaled());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void scaledColumnsGiveTheOriginalVariablesAndDualsThatProveThemOptimal(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 40; round++) {
      Program p = random(random);
      assertOptimalOnTheOriginalProgram(p, p.lp().solveColumnScaled());
    }
  }

  private static void assertOptimalOnTheOriginalProgram(Program p, LinearProgram.Solution s) {
    assertThat(s.optimal()).isTrue();
    double tolerance = 1e-6 * Math.max(1, Math.abs(s.value()));
    for (int r = 0; r < p.b().length; r++) {
      double lhs = 0;
      for (int j = 0; j < p.cost().length; j++) {
        lhs += p.a()[r][j] * s.x()[j];
      }
      assertThat(lhs).isLessThanOrEqualTo(p.b()[r] + 1e-7 * Math.max(1, p.b()[r]));
    }
    double value = 0;
    for (int j = 0; j < p.cost().length; j++) {
      assertThat(s.x()[j]).isBetween(-1e-9, p.upper()[j] + 1e-9);
      value += p.cost()[j] * s.x()[j];
    }
    assertThat(value).isCloseTo(s.value(), within(tolerance));
    assertThat(lagrangian(p, s.duals())).isCloseTo(s.value(), within(tolerance));
  }
}
