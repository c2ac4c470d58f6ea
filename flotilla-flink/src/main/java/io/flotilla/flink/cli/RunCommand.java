package io.flotilla.flink.cli;

import io.flotilla.flink.cluster.EmbeddedFlink;
import io.flotilla.flink.cluster.FlinkPlugins;
import io.flotilla.flink.sink.OutputSummary;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.plugin.PluginManager;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the job on an embedded Flink cluster until its (bounded) input is written, then reports. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the Flotilla job on an embedded Flink cluster and report the outputs.")
final class RunCommand implements Callable<Integer> {

  @Mixin JobOptions options;

  @Option(
      names = "--task-managers",
      defaultValue = "1",
      description = "TaskManagers in the embedded cluster (default: 1)")
  int taskManagers;

  @Option(
      names = "--timeout",
      defaultValue = "2h",
      description = "Give up waiting for the job after this long (default: 2h)")
  String timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    JobLaunch launch = JobLaunch.from(options, Clock.systemUTC());
    int parallelism =
        options.parallelism > 0 ? options.parallelism : Runtime.getRuntime().availableProcessors();
    int slots = Math.max(1, (parallelism + taskManagers - 1) / taskManagers);
    PluginManager plugins =
        FlinkPlugins.initializeFileSystems(JobOptions.pluginsDir(), launch.configuration());
    long started = System.nanoTime();
    try (EmbeddedFlink flink =
        EmbeddedFlink.start(launch.configuration(), taskManagers, slots, plugins)) {
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.getExecutionEnvironment(launch.configuration());
      env.setParallelism(parallelism);
      launch.build(env);
      JobID job = flink.submit(env, "flotilla");
      out.printf("Job %s running; Flink web UI at %s%n", job, flink.restAddress());
      out.flush();
      flink.await(job, Durations.parse("--timeout", timeout));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    OutputSummary summary = OutputSummary.of(launch.outputs());
    out.printf(
        "Job finished in %.1f s (source %s, parallelism %d)%n",
        took.toMillis() / 1000.0, options.source, parallelism);
    for (Map.Entry<String, Long> output : summary.linesByOutput().entrySet()) {
      out.printf("  %,12d lines  %s%n", output.getValue(), output.getKey());
    }
    return 0;
  }
}
