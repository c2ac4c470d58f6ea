package io.flotilla.flink.cli;

import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.job.PipelineSettings;
import io.flotilla.flink.sink.Outputs;
import io.flotilla.flink.source.SourceSpec;
import io.flotilla.flink.source.SourceUris;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/** The options that describe the job, shared by {@code run} and the cluster entry point. */
public final class JobOptions {

  @Option(
      names = "--source",
      defaultValue = "generator",
      description =
          "generator | kafka://HOST:PORT/TOPIC[?bounded=true] |"
              + " kinesis://STREAM[?endpoint=URL&region=R&bounded=true] (default: ${DEFAULT-VALUE})")
  String source;

  @Option(
      names = "--out",
      required = true,
      description = "Output base: a directory, file:///... or s3://bucket/prefix")
  String out;

  @Option(
      names = "--events",
      defaultValue = "1000000",
      description = "Events the generator makes (default: ${DEFAULT-VALUE})")
  long events;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "Generator rate limit, events/s; 0 = as fast as possible (default: 0)")
  double rate;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: 42)")
  long seed;

  @Option(
      names = "--start",
      defaultValue = "2026-01-01T00:00:00Z",
      description = "Event time of the first generated event, ISO-8601, or 'now'")
  String start;

  @Option(
      names = "--event-rate",
      defaultValue = "1000",
      description = "Events per second of event time in generated data (default: 1000)")
  long eventRate;

  @Option(
      names = "--parallelism",
      defaultValue = "0",
      description = "Job parallelism; 0 = the cluster's default (all slots)")
  int parallelism;

  @Option(
      names = "--checkpoint-interval",
      defaultValue = "10s",
      description = "Checkpoint interval, e.g. 10s, 500ms, 1m (default: 10s)")
  String checkpointInterval;

  @Option(
      names = "--checkpoint-dir",
      description = "Checkpoint directory (file:// or s3://); default <out>/.checkpoints")
  String checkpointDir;

  @Option(
      names = "-D",
      description = "A Flink setting, e.g. -D s3.endpoint=http://127.0.0.1:9000 (repeatable)")
  Map<String, String> flinkSettings = new LinkedHashMap<>();

  SourceSpec sourceSpec() {
    return SourceUris.parse(source);
  }

  Outputs outputs() {
    return new Outputs(OutputUris.normalize(out));
  }

  GeneratorSettings generatorSettings(java.time.Clock clock) {
    Instant first = start.equals("now") ? clock.instant() : Instants.parse("--start", start);
    return new GeneratorSettings(seed, first, eventRate, 500);
  }

  PipelineSettings pipelineSettings() {
    String dir =
        checkpointDir != null
            ? OutputUris.normalize(checkpointDir)
            : outputs().base() + "/.checkpoints";
    Duration interval = Durations.parse("--checkpoint-interval", checkpointInterval);
    return PipelineSettings.defaults(parallelism, Optional.of(dir))
        .withCheckpointInterval(interval);
  }

  Configuration extraConfiguration() {
    return Configuration.fromMap(flinkSettings);
  }

  static Optional<Path> pluginsDir() {
    return PluginDirs.find();
  }
}
