package io.flotilla.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  @Test
  void theSummaryHasTheMedianTheRangeTheMedianCpuAndTheLargestPeakMemory() {
    RunSummary s =
        RunSummary.of(
            List.of(
                new RunSample(1.5, 300_000L, 2.0),
                new RunSample(1.1, 420_000L, 1.0),
                new RunSample(2.0, 310_000L, 3.0)));

    assertThat(s).isEqualTo(new RunSummary(3, 1.5, 1.1, 2.0, 2.0, 420_000L));
  }

  @Test
  void anEvenNumberOfRunsHasTheMeanOfTheMiddleTwoAsMedianAndUnmeasuredFiguresAreNull() {
    RunSummary s =
        RunSummary.of(
            List.of(
                RunSample.wallOnly(4),
                RunSample.wallOnly(1),
                RunSample.wallOnly(2),
                RunSample.wallOnly(3)));

    assertThat(s.medianSeconds()).isEqualTo(2.5);
    assertThat(s.medianCpuSeconds()).isNull();
    assertThat(s.maxRssKiB()).isNull();
  }

  @Test
  void theWallTimesAreListedInRunOrder() {
    assertThat(RunSummary.walls(List.of(RunSample.wallOnly(1.23456), RunSample.wallOnly(0.5))))
        .isEqualTo("1.235 0.500");
  }

  @Test
  void noRunsIsAnError() {
    assertThatThrownBy(() -> RunSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
