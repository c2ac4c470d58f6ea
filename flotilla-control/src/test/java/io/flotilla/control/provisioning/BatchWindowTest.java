package io.flotilla.control.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.core.pod.PodId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchWindowTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final BatchWindow WINDOW = BatchWindow.DEFAULT;

  private static PodId pod(String name) {
    return new PodId("default", name);
  }

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  @Test
  void aBatchClosesOneSecondAfterItsLastNewPod() {
    BatchWindow.Step first = WINDOW.observe(Optional.empty(), at(0), Set.of(pod("a")));
    BatchWindow.Step second = WINDOW.observe(first.batch(), at(0.5), Set.of(pod("a"), pod("b")));
    BatchWindow.Step waiting = WINDOW.observe(second.batch(), at(1.2), Set.of(pod("a"), pod("b")));
    BatchWindow.Step closed = WINDOW.observe(waiting.batch(), at(1.5), Set.of(pod("a"), pod("b")));

    assertThat(first.ready()).isFalse();
    assertThat(second.closesAt()).contains(at(1.5));
    assertThat(waiting.ready()).isFalse();
    assertThat(closed.ready()).isTrue();
  }

  @Test
  void aSteadyStreamOfPodsIsPlannedAfterTheMaximumWait() {
    Optional<BatchWindow.Open> batch = Optional.empty();
    BatchWindow.Step step = null;
    int n = 0;
    // A new pod every 0.5 s never lets the idle timer run out; the batch closes at 10 s.
    for (double t = 0; t <= 10; t += 0.5) {
      step = WINDOW.observe(batch, at(t), names(++n));
      batch = step.batch();
      assertThat(step.ready()).as("at %s s", t).isEqualTo(t >= 10);
    }
    assertThat(step.closesAt()).contains(at(10));
  }

  @Test
  void podsThatLeaveDoNotRestartTheIdleTimer() {
    BatchWindow.Step first = WINDOW.observe(Optional.empty(), at(0), Set.of(pod("a"), pod("b")));
    BatchWindow.Step fewer = WINDOW.observe(first.batch(), at(0.8), Set.of(pod("a")));

    assertThat(fewer.closesAt()).contains(at(1));
    assertThat(WINDOW.observe(fewer.batch(), at(1), Set.of(pod("a"))).ready()).isTrue();
  }

  @Test
  void nothingPendingIsNoBatch() {
    BatchWindow.Step step = WINDOW.observe(Optional.empty(), at(0), Set.of());

    assertThat(step.batch()).isEmpty();
    assertThat(step.ready()).isFalse();
    assertThat(step.closesAt()).isEmpty();
  }

  @Test
  void aWindowWhoseMaximumIsShorterThanItsIdleTimeIsRefused() {
    assertThatThrownBy(() -> new BatchWindow(Duration.ofSeconds(5), Duration.ofSeconds(2)))
        .hasMessageContaining("shorter than the idle duration");
    assertThatThrownBy(() -> new BatchWindow(Duration.ZERO, Duration.ofSeconds(2)))
        .hasMessageContaining("must be positive");
  }

  private static Set<PodId> names(int n) {
    Set<PodId> out = new HashSet<>();
    for (int i = 1; i <= n; i++) {
      out.add(pod("p" + i));
    }
    return out;
  }
}
