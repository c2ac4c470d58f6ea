package io.flotilla.ports.checkpoint;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What happened when the workloads on a node were asked to checkpoint before it is drained.
 *
 * @param warning the notice that started it
 * @param jobs one entry per job found with a TaskManager on the node (and one per endpoint that
 *     could not be asked); empty when no job runs there
 * @param elapsed time from the warning being handled to the last outcome
 */
public record CheckpointReport(
    InterruptionWarning warning, List<JobCheckpoint> jobs, Duration elapsed) {

  public CheckpointReport {
    Objects.requireNonNull(warning, "warning");
    jobs = List.copyOf(Objects.requireNonNull(jobs, "jobs"));
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** True when every job found on the node completed its checkpoint (vacuously for no jobs). */
  public boolean allCompleted() {
    return jobs.stream().allMatch(job -> job.outcome() == CheckpointOutcome.COMPLETED);
  }

  /** The entries with the given outcome. */
  public List<JobCheckpoint> withOutcome(CheckpointOutcome outcome) {
    return jobs.stream().filter(job -> job.outcome() == outcome).toList();
  }
}
