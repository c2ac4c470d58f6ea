package io.flotilla.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  @Test
  void theSummaryHasTheMedianTheRangeAndTheLargestPeakMemory() {
    RunSummary s =
        RunSummary.of(
            List.of(
                new RunSample(1.5, 300_000L),
                new RunSample(1.1, 420_000L),
                new RunSample(2.0, 310_000L)));

    assertThat(s).isEqualTo(new RunSummary(3, 1.5, 1.1, 2.0, 420_000L));
  }

  @Test
  void anEvenNumberOfRunsHasTheMeanOfTheMiddleTwoAsMedianAndUnmeasuredMemoryIsNull() {
    RunSummary s =
        RunSummary.of(
            List.of(
                new RunSample(4, null),
                new RunSample(1, null),
                new RunSample(2, null),
                new RunSample(3, null)));

    assertThat(s.medianSeconds()).isEqualTo(2.5);
    assertThat(s.maxRssKiB()).isNull();
  }

  @Test
  void theWallTimesAreListedInRunOrder() {
    assertThat(RunSummary.walls(List.of(new RunSample(1.23456, null), new RunSample(0.5, null))))
        .isEqualTo("1.235 0.500");
  }

  @Test
  void noRunsIsAnError() {
    assertThatThrownBy(() -> RunSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
