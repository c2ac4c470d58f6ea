package io.flotilla.flink.cli;

import io.flotilla.flink.bench.Medians;
import io.flotilla.flink.bench.ParseLoop;
import io.flotilla.flink.bench.PipelineRun;
import io.flotilla.flink.generator.GeneratorSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Records per second per core of the pipeline (generator -> parse -> windows -> file sinks, on the
 * embedded cluster) next to a plain loop that only parses the same JSON with Jackson.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark the pipeline against a plain Jackson parse loop.")
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--events", defaultValue = "3000000", description = "Events per pipeline run")
  long events;

  @Option(
      names = "--warmup-events",
      defaultValue = "1000000",
      description = "Events of the warm-up pipeline run")
  long warmupEvents;

  @Option(names = "--parallelism", defaultValue = "1", description = "Pipeline parallelism")
  int parallelism;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Measured runs of each side; the median is reported (default: 3)")
  int runs;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed")
  long seed;

  @Option(names = "--work-dir", description = "Where outputs go (default: a temp dir)")
  Path workDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    GeneratorSettings settings = GeneratorSettings.withSeed(seed);
    Path dir = workDir != null ? workDir : Files.createTempDirectory("flotilla-bench");
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
    }
    double bound = ParseLoop.recordsPerSecond(settings, 1_000_000, runs);
    out.printf(
        "Jackson parse loop, 1 thread:  %,12.0f records/s/core (best of %d rounds)%n", bound, runs);
    out.flush();
    PipelineRun.run(settings, warmupEvents, parallelism, dir.resolve("warmup"));
    PipelineRun.Result[] results = new PipelineRun.Result[runs];
    for (int i = 0; i < runs; i++) {
      results[i] = PipelineRun.run(settings, events, parallelism, dir.resolve("run-" + i));
    }
    PipelineRun.Result run = Medians.byWallTime(results);
    double perCore = run.records() / run.wallSeconds() / parallelism;
    double perCpuSecond = run.records() / run.cpuSeconds();
    out.printf(
        "Pipeline, parallelism %d:       %,12.0f records/s/core (%,d records in %.1f s wall,"
            + " median of %d)%n",
        parallelism, perCore, run.records(), run.wallSeconds(), runs);
    out.printf(
        "Pipeline per CPU-second:       %,12.0f records/s (process CPU %.1f s, all threads)%n",
        perCpuSecond, run.cpuSeconds());
    out.printf(
        "Ratio pipeline/bound: %.0f %% per core (wall), %.0f %% per CPU-second%n",
        100 * perCore / bound, 100 * perCpuSecond / bound);
    return 0;
  }
}
