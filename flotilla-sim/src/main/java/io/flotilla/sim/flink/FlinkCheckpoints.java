package io.flotilla.sim.flink;

import io.flotilla.ports.checkpoint.CheckpointBeforeDrain;
import io.flotilla.ports.checkpoint.CheckpointReport;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.checkpoint.JobCheckpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's checkpoint-before-drain: every job with a running TaskManager on the warned node
 * takes a checkpoint now. The answer comes at once (virtual time does not pass during a call), and
 * its elapsed time is how long the slowest checkpoint takes, within the bound: the executor holds
 * the drain that long, so the TaskManagers are evicted as the checkpoint completes. A job that is
 * not running cannot checkpoint (FAILED, no wait). Should the job restart before the checkpoint
 * completes, the checkpoint is lost and the drain still goes ahead when announced.
 */
public final class FlinkCheckpoints implements CheckpointBeforeDrain {
  private final List<FlinkJob> jobs;

  public FlinkCheckpoints(List<FlinkJob> jobs) {
    this.jobs = List.copyOf(jobs);
  }

  @Override
  public CheckpointReport checkpointWorkloadsOn(InterruptionWarning warning, Duration bound) {
    List<JobCheckpoint> outcomes = new ArrayList<>();
    Duration elapsed = Duration.ZERO;
    for (FlinkJob job : jobs) {
      if (job.runsOn(warning.nodeName())) {
        JobCheckpoint c = job.checkpointNow(bound);
        outcomes.add(c);
        if (c.elapsed().compareTo(elapsed) > 0) {
          elapsed = c.elapsed();
        }
      }
    }
    return new CheckpointReport(warning, outcomes, elapsed);
  }
}
