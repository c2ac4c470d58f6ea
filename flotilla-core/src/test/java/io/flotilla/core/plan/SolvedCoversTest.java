package io.flotilla.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The planner's memory of solved integer programs answers exactly what solving would, only for the
 * very same numbers, and never hands out its own arrays.
 */
class SolvedCoversTest {
  /** A random covering program: each row asks for some units from a few variables. */
  private record Program(double[] cost, double[] upper, List<IntegerCover.Row> rows) {}

  private static Program random(SplittableRandom r) {
    int vars = 2 + r.nextInt(6);
    double[] cost = new double[vars];
    double[] upper = new double[vars];
    for (int j = 0; j < vars; j++) {
      cost[j] = 0.01 + r.nextInt(100) / 100.0;
      upper[j] = 1 + r.nextInt(8);
    }
    List<IntegerCover.Row> rows = new ArrayList<>();
    int nRows = 1 + r.nextInt(3);
    for (int i = 0; i < nRows; i++) {
      int[] idx = new int[vars];
      double[] val = new double[vars];
      for (int j = 0; j < vars; j++) {
        idx[j] = j;
        val[j] = -(1 + r.nextInt(3));
      }
      rows.add(new IntegerCover.Row(idx, val, -(1 + r.nextInt(6))));
    }
    return new Program(cost, upper, rows);
  }

  @Test
  void answersAsSolvingDoesAndFromMemoryTheSecondTime() {
    SplittableRandom r = new SplittableRandom(7);
    SolvedCovers covers = new SolvedCovers();
    for (int n = 0; n < 200; n++) {
      Program p = random(r);
      Optional<long[]> direct = new IntegerCover(p.cost(), p.upper(), p.rows()).solve(2_000, 1e9);
      Optional<long[]> first = covers.solve(p.cost(), p.upper(), p.rows(), 2_000, 1e9);
      Optional<long[]> again = covers.solve(p.cost(), p.upper(), p.rows(), 2_000, 1e9);
      assertThat(first.isPresent()).isEqualTo(direct.isPresent());
      direct.ifPresent(d -> assertThat(first.get()).containsExactly(d));
      direct.ifPresent(d -> assertThat(again.get()).containsExactly(d));
    }
    assertThat(covers.hits()).isEqualTo(200);
    assertThat(covers.misses()).isEqualTo(200);
  }

  @Test
  void anotherValueToBeatOrBudgetIsAnotherProgram() {
    Program p = random(new SplittableRandom(3));
    SolvedCovers covers = new SolvedCovers();

    covers.solve(p.cost(), p.upper(), p.rows(), 2_000, 1e9);
    covers.solve(p.cost(), p.upper(), p.rows(), 2_000, 0.5);
    covers.solve(p.cost(), p.upper(), p.rows(), 10, 1e9);
    double[] dearer = p.cost().clone();
    dearer[0] += 0.01;
    covers.solve(dearer, p.upper(), p.rows(), 2_000, 1e9);

    assertThat(covers.hits()).isZero();
    assertThat(covers.misses()).isEqualTo(4);
  }

  @Test
  void changingAnAnswerHandedOutDoesNotChangeTheNext() {
    Program p = random(new SplittableRandom(11));
    SolvedCovers covers = new SolvedCovers();
    Optional<long[]> first = covers.solve(p.cost(), p.upper(), p.rows(), 2_000, 1e9);
    Optional<long[]> remembered = covers.solve(p.cost(), p.upper(), p.rows(), 2_000, 1e9);
    assertThat(first).isPresent();
    first.get()[0] += 100;
    remembered.get()[0] += 100;

    Optional<long[]> again = covers.solve(p.cost(), p.upper(), p.rows(), 2_000, 1e9);
    Optional<long[]> direct = new IntegerCover(p.cost(), p.upper(), p.rows()).solve(2_000, 1e9);

    direct.ifPresent(d -> assertThat(again.get()).containsExactly(d));
  }
}
