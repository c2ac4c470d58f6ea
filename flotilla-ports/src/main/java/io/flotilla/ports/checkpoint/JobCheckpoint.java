package io.flotilla.ports.checkpoint;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of one checkpoint request for one job.
 *
 * @param endpoint the Flink REST endpoint asked (for example {@code http://10.0.3.7:8081})
 * @param jobId the job, empty when the endpoint could not even be asked for its jobs
 * @param outcome how the request ended
 * @param checkpointId the completed checkpoint's id, present exactly when {@code COMPLETED}
 * @param detail a failure cause or explanation, empty when completed
 * @param elapsed time from the request to its outcome
 */
public record JobCheckpoint(
    String endpoint,
    Optional<String> jobId,
    CheckpointOutcome outcome,
    OptionalLong checkpointId,
    Optional<String> detail,
    Duration elapsed) {

  public JobCheckpoint {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(checkpointId, "checkpointId");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(elapsed, "elapsed");
    if ((outcome == CheckpointOutcome.COMPLETED) != checkpointId.isPresent()) {
      throw new IllegalArgumentException(
          "checkpointId must be present exactly when outcome is COMPLETED, was "
              + checkpointId
              + " for "
              + outcome);
    }
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative, was " + elapsed);
    }
  }

  public static JobCheckpoint completed(
      String endpoint, String jobId, long checkpointId, Duration elapsed) {
    return new JobCheckpoint(
        endpoint,
        Optional.of(jobId),
        CheckpointOutcome.COMPLETED,
        OptionalLong.of(checkpointId),
        Optional.empty(),
        elapsed);
  }

  public static JobCheckpoint notCompleted(
      String endpoint,
      Optional<String> jobId,
      CheckpointOutcome outcome,
      String detail,
      Duration elapsed) {
    return new JobCheckpoint(
        endpoint, jobId, outcome, OptionalLong.empty(), Optional.of(detail), elapsed);
  }
}
