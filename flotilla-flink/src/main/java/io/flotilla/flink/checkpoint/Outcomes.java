package io.flotilla.flink.checkpoint;

import io.flotilla.ports.checkpoint.CheckpointOutcome;
import io.flotilla.ports.checkpoint.JobCheckpoint;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Maps REST errors and failure causes to checkpoint outcomes. */
final class Outcomes {

  private Outcomes() {}

  static JobCheckpoint ofError(URI endpoint, String job, IOException error, Duration elapsed) {
    CheckpointOutcome outcome;
    if (error instanceof RestUnreachableException) {
      outcome = CheckpointOutcome.UNREACHABLE;
    } else if (error instanceof RestErrorException rest && rest.isUnknownJob()) {
      outcome = CheckpointOutcome.UNKNOWN_JOB;
    } else {
      outcome = CheckpointOutcome.FAILED;
    }
    return JobCheckpoint.notCompleted(
        endpoint.toString(), Optional.of(job), outcome, error.getMessage(), elapsed);
  }

  static JobCheckpoint ofFailure(URI endpoint, String job, String cause, Duration elapsed) {
    CheckpointOutcome outcome =
        cause.contains("FlinkJobNotFoundException") || cause.contains("NotFoundException")
            ? CheckpointOutcome.UNKNOWN_JOB
            : CheckpointOutcome.FAILED;
    return JobCheckpoint.notCompleted(
        endpoint.toString(), Optional.of(job), outcome, cause, elapsed);
  }
}
