package io.flotilla.flink.cli;

import java.time.Clock;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The job's entry point on a Flink cluster ({@code standalone-job --job-classname
 * io.flotilla.flink.cli.FlotillaJob --source kinesis://... --out s3://...}): the same options as
 * {@code run}, executed on whatever cluster runs it (in reactive mode, at its parallelism).
 */
@Command(name = "flotilla-job", mixinStandardHelpOptions = true)
public final class FlotillaJob implements java.util.concurrent.Callable<Integer> {

  @Mixin JobOptions options;

  public static void main(String[] args) {
    int exit = new CommandLine(new FlotillaJob()).execute(args);
    if (exit != 0) {
      throw new IllegalStateException("the Flotilla job ended with exit code " + exit);
    }
  }

  @Override
  public Integer call() throws Exception {
    JobLaunch launch = JobLaunch.from(options, Clock.systemUTC());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(launch.configuration());
    launch.build(env);
    env.execute("flotilla");
    return 0;
  }
}
