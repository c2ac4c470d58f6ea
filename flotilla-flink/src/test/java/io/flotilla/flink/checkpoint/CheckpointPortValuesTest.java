package io.flotilla.flink.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.ports.checkpoint.CheckpointOutcome;
import io.flotilla.ports.checkpoint.CheckpointReport;
import io.flotilla.ports.checkpoint.InterruptionKind;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.checkpoint.JobCheckpoint;
import io.flotilla.ports.checkpoint.TaskManagerAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The port's values refuse states that make no sense, with messages naming the field. */
class CheckpointPortValuesTest {

  private static final InterruptionWarning WARNING =
      new InterruptionWarning("node-1", InterruptionKind.SPOT_INTERRUPTION, Instant.EPOCH);

  @Test
  void aCompletedCheckpointNeedsItsIdAndOnlyThen() {
    assertThatThrownBy(
            () ->
                new JobCheckpoint(
                    "http://jm:8081",
                    Optional.of("j"),
                    CheckpointOutcome.COMPLETED,
                    OptionalLong.empty(),
                    Optional.empty(),
                    Duration.ZERO))
        .hasMessageContaining("checkpointId");
    assertThatThrownBy(
            () ->
                new JobCheckpoint(
                    "http://jm:8081",
                    Optional.of("j"),
                    CheckpointOutcome.FAILED,
                    OptionalLong.of(3),
                    Optional.of("boom"),
                    Duration.ZERO))
        .hasMessageContaining("checkpointId");
  }

  @Test
  void aWarningNeedsANodeName() {
    assertThatThrownBy(
            () -> new InterruptionWarning(" ", InterruptionKind.SPOT_INTERRUPTION, Instant.EPOCH))
        .hasMessageContaining("nodeName");
    assertThatThrownBy(() -> TaskManagerAddress.ofHost("")).hasMessageContaining("host");
  }

  @Test
  void aReportSaysWhetherEveryJobCompleted() {
    JobCheckpoint done = JobCheckpoint.completed("e", "a", 7, Duration.ofMillis(120));
    JobCheckpoint late =
        JobCheckpoint.notCompleted(
            "e",
            Optional.of("b"),
            CheckpointOutcome.TIMED_OUT,
            "no outcome",
            Duration.ofSeconds(5));

    assertThat(new CheckpointReport(WARNING, List.of(), Duration.ZERO).allCompleted()).isTrue();
    assertThat(new CheckpointReport(WARNING, List.of(done), Duration.ZERO).allCompleted()).isTrue();
    CheckpointReport mixed = new CheckpointReport(WARNING, List.of(done, late), Duration.ZERO);
    assertThat(mixed.allCompleted()).isFalse();
    assertThat(mixed.withOutcome(CheckpointOutcome.TIMED_OUT)).containsExactly(late);
  }

  @Test
  void aJobTaskManagerMatchesByIdWhenKnownElseByHost() {
    JobTaskManager tm = new JobTaskManager("10.0.3.7", "tm-1");

    assertThat(tm.isAt(TaskManagerAddress.ofTaskManager("10.0.3.7", "tm-1"))).isTrue();
    assertThat(tm.isAt(TaskManagerAddress.ofTaskManager("10.0.3.7", "tm-2"))).isFalse();
    assertThat(tm.isAt(TaskManagerAddress.ofHost("10.0.3.7"))).isTrue();
    assertThat(tm.isAt(TaskManagerAddress.ofHost("10.0.3.8"))).isFalse();
  }
}
