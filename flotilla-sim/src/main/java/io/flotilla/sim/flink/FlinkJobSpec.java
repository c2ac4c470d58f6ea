package io.flotilla.sim.flink;

import io.flotilla.sim.traffic.Traffic;
import java.time.Duration;
import java.util.Objects;

/**
 * A Flink streaming job in reactive mode, as the simulation models it.
 *
 * @param namespace where its pods run
 * @param name the job's name (its id in checkpoint reports)
 * @param jobManager the owner its JobManager pod carries, e.g. {@code Job/flink-jobmanager}
 * @param taskManagers the owner its TaskManager pods carry, e.g. {@code
 *     Deployment/flink-taskmanager}
 * @param slotsPerTaskManager task slots per TaskManager (the reference runs 2: two slots suit the
 *     2-vCPU Spot nodes it targets); reactive mode uses every slot, so parallelism is slots x
 *     running TaskManagers
 * @param recordsPerSlotPerSecond what one slot processes at full speed
 * @param input the input rate (records per second) over time
 * @param coresPerSlot the CPU one slot uses at full speed (its usage follows its throughput, which
 *     is what the TaskManagers' HPA sees)
 * @param checkpointInterval how often a periodic checkpoint is triggered (the reference: 10 s)
 * @param checkpointDuration from a checkpoint's trigger (when its input position is taken) to its
 *     completion
 * @param restartDelay the restart strategy's delay after a failure (the reference: fixed-delay 10
 *     s)
 * @param restoreTime the cost of every restart and rescale: redeploying the tasks and restoring
 *     their state
 * @param rescaleCooldown no rescale onto new TaskManagers sooner than this after the job
 *     (re)started (Flink's {@code executing.cooldown-after-rescaling}, 30 s)
 */
public record FlinkJobSpec(
    String namespace,
    String name,
    String jobManager,
    String taskManagers,
    int slotsPerTaskManager,
    double recordsPerSlotPerSecond,
    Traffic input,
    double coresPerSlot,
    Duration checkpointInterval,
    Duration checkpointDuration,
    Duration restartDelay,
    Duration restoreTime,
    Duration rescaleCooldown) {
  /** The reference's TaskManager slots ({@code taskmanager.numberOfTaskSlots: 2}). */
  public static final int REFERENCE_SLOTS = 2;

  public FlinkJobSpec {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jobManager, "jobManager");
    Objects.requireNonNull(taskManagers, "taskManagers");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    Objects.requireNonNull(checkpointDuration, "checkpointDuration");
    Objects.requireNonNull(restartDelay, "restartDelay");
    Objects.requireNonNull(restoreTime, "restoreTime");
    Objects.requireNonNull(rescaleCooldown, "rescaleCooldown");
    if (slotsPerTaskManager < 1) {
      throw new IllegalArgumentException(name + ": slots per TaskManager must be at least 1");
    }
    if (!(recordsPerSlotPerSecond > 0) || !(coresPerSlot >= 0)) {
      throw new IllegalArgumentException(name + ": slot throughput must be positive, CPU >= 0");
    }
    if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
      throw new IllegalArgumentException(name + ": checkpoint interval must be positive");
    }
    if (checkpointDuration.isNegative()
        || restartDelay.isNegative()
        || restoreTime.isNegative()
        || rescaleCooldown.isNegative()) {
      throw new IllegalArgumentException(name + ": durations must not be negative");
    }
  }

  /**
   * The reference's settings for a job reading {@code input} records/s: 2 slots per TaskManager,
   * one core per slot at full speed, checkpoints every 10 s taking 250 ms (the reference job's
   * measured 0.1-0.25 s, docs/flink.md, rounded up), fixed-delay restarts 10 s apart plus 5 s to
   * redeploy and restore (an assumption), a 30 s rescale cooldown (Flink's default).
   */
  public static FlinkJobSpec reference(
      String namespace,
      String name,
      String jobManager,
      String taskManagers,
      double recordsPerSlotPerSecond,
      Traffic input) {
    return new FlinkJobSpec(
        namespace,
        name,
        jobManager,
        taskManagers,
        REFERENCE_SLOTS,
        recordsPerSlotPerSecond,
        input,
        1.0,
        Duration.ofSeconds(10),
        Duration.ofMillis(250),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30));
  }

  public FlinkJobSpec withCheckpointDuration(Duration duration) {
    return new FlinkJobSpec(
        namespace,
        name,
        jobManager,
        taskManagers,
        slotsPerTaskManager,
        recordsPerSlotPerSecond,
        input,
        coresPerSlot,
        checkpointInterval,
        duration,
        restartDelay,
        restoreTime,
        rescaleCooldown);
  }
}
