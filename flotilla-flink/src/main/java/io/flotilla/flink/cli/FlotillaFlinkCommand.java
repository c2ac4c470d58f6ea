package io.flotilla.flink.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flotilla flink ...}: the Flink job's command line (the shaded jar's main class). */
@Command(
    name = "flotilla-flink",
    mixinStandardHelpOptions = true,
    version = "flotilla-flink 0.1.0",
    description = "The Flotilla Flink job, its data generator and its benchmark.",
    subcommands = {RunCommand.class, GenerateCommand.class, BenchCommand.class})
public final class FlotillaFlinkCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command and returns its exit code (0 on success). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return new CommandLine(new FlotillaFlinkCommand())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
              }
              throw e;
            });
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
