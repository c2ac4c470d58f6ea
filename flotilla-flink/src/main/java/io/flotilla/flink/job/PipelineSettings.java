package io.flotilla.flink.job;

import io.flotilla.flink.window.WindowSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the job runs.
 *
 * @param parallelism the job's parallelism; 0 leaves it to the cluster (reactive mode)
 * @param checkpointInterval how often to checkpoint (the reference: 10 s)
 * @param checkpointDir where checkpoints go ({@code file://} or {@code s3://}); empty keeps Flink's
 *     default (the JobManager's configuration)
 * @param restartDelay the fixed delay between restart attempts (attempts are unlimited)
 * @param maxOutOfOrderness how late an event may arrive behind the newest one and still count
 * @param idleness after this long without events a source split stops holding back the watermark
 * @param windows the windows computed
 */
public record PipelineSettings(
    int parallelism,
    Duration checkpointInterval,
    Optional<String> checkpointDir,
    Duration restartDelay,
    Duration maxOutOfOrderness,
    Duration idleness,
    WindowSpec windows) {

  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

  public PipelineSettings {
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must not be negative, was " + parallelism);
    }
    requirePositive(checkpointInterval, "checkpointInterval");
    Objects.requireNonNull(checkpointDir, "checkpointDir");
    requireNotNegative(restartDelay, "restartDelay");
    requireNotNegative(maxOutOfOrderness, "maxOutOfOrderness");
    requirePositive(idleness, "idleness");
    Objects.requireNonNull(windows, "windows");
  }

  /** The reference job's settings with the given parallelism and checkpoint directory. */
  public static PipelineSettings defaults(int parallelism, Optional<String> checkpointDir) {
    return new PipelineSettings(
        parallelism,
        DEFAULT_CHECKPOINT_INTERVAL,
        checkpointDir,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        WindowSpec.REFERENCE);
  }

  public PipelineSettings withCheckpointInterval(Duration interval) {
    return new PipelineSettings(
        parallelism, interval, checkpointDir, restartDelay, maxOutOfOrderness, idleness, windows);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void requireNotNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
