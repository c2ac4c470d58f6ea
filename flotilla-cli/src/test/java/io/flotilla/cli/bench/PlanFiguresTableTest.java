package io.flotilla.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.bench.BenchCase;
import io.flotilla.bench.BenchMix;
import io.flotilla.bench.BenchPools;
import io.flotilla.bench.PlanBenchmarkRun.Figures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanFiguresTableTest {
  private static final BenchCase CASE =
      new BenchCase(BenchMix.DIVERSE, BenchPools.STANDARD, 2000, 3);

  private static List<String> print(Figures f) {
    StringWriter text = new StringWriter();
    PlanFiguresTable table = new PlanFiguresTable(new PrintWriter(text));
    table.header();
    table.row(f);
    return text.toString().lines().toList();
  }

  @Test
  void aRowHasTheFiguresInTheHeadersOrderAndRatiosToThePlainBound() {
    Figures f =
        new Figures(CASE, 355, 206, 203.04, 177.5, 36, 0, 34.5, true, 35.1, null, 54, 2, 282);

    List<String> lines = print(f);

    assertThat(lines.get(0))
        .matches(
            " *pods +seed +workloads +shapes +median ms +cpu ms +cost \\$/h +plain LP +config LP"
                + " +cost/LP +ffd \\$/h +ffd/LP +unsched +heap MiB");
    assertThat(lines.get(1).trim().split("\\s+"))
        .containsExactly(
            "2000", "3", "355", "206", "203.0", "177.5", "36.0000", "34.5000", "35.1000", "1.0435",
            "54.0000", "1.5652", "0/2", "282");
  }

  @Test
  void aMissingConfigurationBoundIsADash() {
    Figures f = new Figures(CASE, 355, 206, 1, 1, 36, 0, 34.5, true, null, null, 54, 0, 1);

    assertThat(print(f).get(1).trim().split("\\s+")[8]).isEqualTo("-");
  }

  @Test
  void aFailedBoundIsShownAsFailedWithItsReason() {
    Figures f =
        new Figures(
            CASE,
            355,
            206,
            1,
            1,
            36,
            0,
            Double.NaN,
            false,
            null,
            "IllegalStateException: INFEASIBLE",
            54,
            0,
            1);

    List<String> lines = print(f);

    String[] cells = lines.get(1).trim().split("\\s+");
    assertThat(cells[7]).isEqualTo("failed");
    assertThat(cells[9]).isEqualTo("-");
    assertThat(cells[11]).isEqualTo("-");
    assertThat(lines.get(2).trim())
        .isEqualTo("bound of 2000 pods, seed 3 failed: IllegalStateException: INFEASIBLE");
  }

  @Test
  void aPlainLpTheSolverDidNotFinishIsStarredAndExplained() {
    Figures f = new Figures(CASE, 355, 206, 1, 1, 36, 0, 34.5, false, null, null, 54, 0, 1);

    List<String> lines = print(f);

    assertThat(lines.get(1).trim().split("\\s+")[7]).isEqualTo("34.5000*");
    assertThat(lines.get(2)).contains("certified lower bound, below the optimum");
  }
}
