package io.flotilla.flink.testing;

import io.flotilla.flink.cluster.EmbeddedFlink;
import io.flotilla.flink.cluster.FlinkPlugins;
import io.flotilla.flink.job.JobConfiguration;
import io.flotilla.flink.job.PipelineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.WebOptions;

/** Settings and clusters shared by the tests. */
public final class TestFlink {

  private TestFlink() {}

  /** The reference settings with fast checkpoints and restarts, parallelism 2. */
  public static PipelineSettings settings(Path checkpoints, Duration checkpointInterval) {
    PipelineSettings defaults =
        PipelineSettings.defaults(2, Optional.of(checkpoints.toUri().toString()));
    return new PipelineSettings(
        2,
        checkpointInterval,
        defaults.checkpointDir(),
        Duration.ofMillis(200),
        defaults.maxOutOfOrderness(),
        defaults.idleness(),
        defaults.windows());
  }

  public static Configuration configuration(PipelineSettings settings) {
    Configuration config = JobConfiguration.of(settings);
    config.set(RestOptions.CACHE_CHECKPOINT_STATISTICS_TIMEOUT, Duration.ofMillis(50));
    config.set(WebOptions.REFRESH_INTERVAL, Duration.ofMillis(50));
    // Trigger results nobody polls (timed-out checkpoints) would hold shutdown for 5 minutes.
    config.set(RestOptions.ASYNC_OPERATION_STORE_DURATION, Duration.ofSeconds(2));
    return config;
  }

  /** Two TaskManagers of one slot each, so killing one takes half the job away. */
  public static EmbeddedFlink start(Configuration config, Optional<Path> plugins) throws Exception {
    return EmbeddedFlink.start(config, 2, 1, FlinkPlugins.initializeFileSystems(plugins, config));
  }

  /** The S3 plugin folder the build prepared (target/plugins). */
  public static Optional<Path> pluginsDir() {
    String dir = System.getProperty("flotilla.flink.plugins");
    return Optional.ofNullable(dir).map(Path::of);
  }
}
