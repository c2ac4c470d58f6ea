package io.flotilla.flink.job;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * The Flink configuration the job needs: exactly-once checkpoints, RocksDB, fixed-delay restarts.
 */
public final class JobConfiguration {

  private JobConfiguration() {}

  public static Configuration of(PipelineSettings settings) {
    Configuration config = new Configuration();
    config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
    config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    config.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    settings
        .checkpointDir()
        .ifPresent(dir -> config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
    config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, settings.restartDelay());
    // Every record type is an immutable record, so chained operators may share instances.
    config.set(PipelineOptions.OBJECT_REUSE, true);
    return config;
  }
}
