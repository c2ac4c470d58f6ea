package io.flotilla.flink.testing;

import io.flotilla.flink.cli.FlotillaFlinkCommand;

/** Runs the module's command line in-process, as {@code java -jar ...-all.jar ARGS} would. */
public final class CommandLines {

  private CommandLines() {}

  public static int run(String... args) {
    return FlotillaFlinkCommand.execute(args);
  }
}
