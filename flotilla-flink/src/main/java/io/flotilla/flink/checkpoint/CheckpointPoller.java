package io.flotilla.flink.checkpoint;

import io.flotilla.ports.checkpoint.CheckpointOutcome;
import io.flotilla.ports.checkpoint.JobCheckpoint;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Polls triggered checkpoints, all in turn, until each has an outcome or the deadline passes. */
final class CheckpointPoller {

  private final FlinkRestClient rest;
  private final Clock clock;
  private final CheckpointPolling polling;

  CheckpointPoller(FlinkRestClient rest, Clock clock, CheckpointPolling polling) {
    this.rest = rest;
    this.clock = clock;
    this.polling = polling;
  }

  List<JobCheckpoint> awaitAll(List<PendingCheckpoint> pending, Instant deadline) {
    List<JobCheckpoint> done = new ArrayList<>();
    List<PendingCheckpoint> open = new ArrayList<>(pending);
    while (!open.isEmpty()) {
      for (Iterator<PendingCheckpoint> it = open.iterator(); it.hasNext(); ) {
        Optional<JobCheckpoint> outcome = poll(it.next());
        if (outcome.isPresent()) {
          done.add(outcome.get());
          it.remove();
        }
      }
      if (open.isEmpty()) {
        break;
      }
      if (!clock.instant().isBefore(deadline)) {
        for (PendingCheckpoint late : open) {
          done.add(
              JobCheckpoint.notCompleted(
                  late.endpoint().toString(),
                  Optional.of(late.jobId()),
                  CheckpointOutcome.TIMED_OUT,
                  "no outcome by " + deadline,
                  elapsed(late)));
        }
        break;
      }
      pause(Duration.between(clock.instant(), deadline));
    }
    return done;
  }

  private Optional<JobCheckpoint> poll(PendingCheckpoint check) {
    try {
      CheckpointStatus status =
          rest.checkpointStatus(check.endpoint(), check.jobId(), check.requestId());
      if (!status.done()) {
        return Optional.empty();
      }
      if (status.checkpointId().isPresent()) {
        return Optional.of(
            JobCheckpoint.completed(
                check.endpoint().toString(),
                check.jobId(),
                status.checkpointId().getAsLong(),
                elapsed(check)));
      }
      return Optional.of(
          Outcomes.ofFailure(
              check.endpoint(), check.jobId(), status.failure().orElse("failed"), elapsed(check)));
    } catch (IOException e) {
      return Optional.of(Outcomes.ofError(check.endpoint(), check.jobId(), e, elapsed(check)));
    }
  }

  private Duration elapsed(PendingCheckpoint check) {
    return Duration.between(check.started(), clock.instant());
  }

  private void pause(Duration untilDeadline) {
    long millis =
        Math.max(1, Math.min(polling.pollInterval().toMillis(), untilDeadline.toMillis()));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
