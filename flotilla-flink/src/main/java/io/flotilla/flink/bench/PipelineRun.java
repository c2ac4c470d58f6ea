package io.flotilla.flink.bench;

import io.flotilla.flink.cluster.EmbeddedFlink;
import io.flotilla.flink.cluster.FlinkPlugins;
import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.GeneratorSource;
import io.flotilla.flink.job.FlotillaPipeline;
import io.flotilla.flink.job.JobConfiguration;
import io.flotilla.flink.job.PipelineSettings;
import io.flotilla.flink.sink.CommittedLines;
import io.flotilla.flink.sink.Outputs;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** One timed run of generator -> parse -> windows -> file sinks on an embedded cluster. */
public final class PipelineRun {

  /**
   * @param records events processed
   * @param wallSeconds from submission to the job's end
   * @param cpuSeconds CPU time the whole process used meanwhile (all threads, JobManager too)
   */
  public record Result(long records, double wallSeconds, double cpuSeconds) {}

  private PipelineRun() {}

  public static Result run(GeneratorSettings settings, long events, int parallelism, Path workDir)
      throws Exception {
    Outputs outputs = new Outputs(workDir.resolve("out").toUri().toString());
    PipelineSettings pipeline =
        PipelineSettings.defaults(
            parallelism, Optional.of(workDir.resolve("checkpoints").toUri().toString()));
    Configuration config = JobConfiguration.of(pipeline);
    try (EmbeddedFlink flink =
        EmbeddedFlink.start(config, 1, parallelism, FlinkPlugins.from(Optional.empty(), config))) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
      FlotillaPipeline.build(
          env, GeneratorSource.of(settings, events, 0), "generator", outputs, pipeline);
      long cpuBefore = processCpuNanos();
      long started = System.nanoTime();
      JobID job = flink.submit(env, "flotilla-bench");
      flink.await(job, Duration.ofHours(1));
      double wall = (System.nanoTime() - started) / 1e9;
      double cpu = (processCpuNanos() - cpuBefore) / 1e9;
      long written = CommittedLines.count(outputs.rawEvents());
      if (written != events) {
        throw new IllegalStateException("wrote " + written + " raw events, expected " + events);
      }
      return new Result(events, wall, cpu);
    }
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }
}
