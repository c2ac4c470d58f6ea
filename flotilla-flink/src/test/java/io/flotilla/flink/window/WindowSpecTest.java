package io.flotilla.flink.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.flink.event.TickerEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowSpecTest {

  @Test
  void theReferencePanesAreFiveSeconds() {
    assertThat(WindowSpec.REFERENCE.paneMillis()).isEqualTo(5_000);
    assertThat(
            new WindowSpec(Duration.ofSeconds(12), Duration.ofSeconds(4), Duration.ofSeconds(90))
                .paneMillis())
        .isEqualTo(2_000);
  }

  @Test
  void rejectsASizeThatIsNotAMultipleOfTheSlide() {
    assertThatThrownBy(
            () ->
                new WindowSpec(
                    Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMinutes(1)))
        .hasMessageContaining("size must be a multiple of slide");
    assertThatThrownBy(() -> new WindowSpec(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)))
        .hasMessageContaining("size must be at least 1 ms");
  }

  @Test
  void mergingSummariesInAnyOrderGivesTheSameResult() {
    PriceSummary a = PriceSummary.of(new TickerEvent(1_000, "ABCD", 600, "b"));
    PriceSummary b = PriceSummary.of(new TickerEvent(1_000, "ABCD", 700, "a"));
    PriceSummary c = PriceSummary.of(new TickerEvent(3_000, "ABCD", 550, "c"));

    PriceSummary left = a.merge(b).merge(c);
    PriceSummary right = c.merge(b.merge(a));

    assertThat(left).isEqualTo(right);
    assertThat(left.count()).isEqualTo(3);
    assertThat(left.min()).isEqualTo(550);
    assertThat(left.max()).isEqualTo(700);
    assertThat(left.average()).isEqualTo(1850.0 / 3);
    assertThat(left.firstPrice()).as("first by time, then id").isEqualTo(700);
    assertThat(left.lastPrice()).isEqualTo(550);
  }

  @Test
  void writesCsvLinesWithIsoWindowBounds() {
    assertThat(new WindowMax(1_767_225_610_000L, "ABCD", 999.5).toCsv())
        .isEqualTo("2026-01-01T00:00:10Z,ABCD,999.5");
    assertThat(new MinuteStats(0, 60_000, "QRST", 2, 500, 600, 550, 600, 500).toCsv())
        .isEqualTo(
            "1970-01-01T00:00:00Z,1970-01-01T00:01:00Z,QRST,2,500.0,600.0,550.0,600.0,500.0");
  }
}
