package io.flotilla.cli.bench;

import picocli.CommandLine.Command;

/** {@code flotilla bench}: measurements that print figures. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures.",
    subcommands = {BenchPlanCommand.class, BenchCliCommand.class, BenchSimulateCommand.class})
public final class BenchCommand {}
