package io.flotilla.cli;

import io.flotilla.cli.bench.BenchCommand;
import io.flotilla.cli.catalog.InstanceTypesCommand;
import io.flotilla.cli.plan.PlanCommand;
import io.flotilla.cli.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The flotilla command: one entry point, one subcommand per job. */
@Command(
    name = "flotilla",
    mixinStandardHelpOptions = true,
    version = "flotilla 0.1.0",
    description = "Runs Kubernetes workloads on the cheapest capacity that is still safe.",
    subcommands = {
      CommandLine.HelpCommand.class,
      PlanCommand.class,
      SimulateCommand.class,
      InstanceTypesCommand.class,
      BenchCommand.class
    })
public final class Flotilla implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by main and the tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Flotilla());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
