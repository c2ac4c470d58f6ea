package io.flotilla.cli.bench;

import io.flotilla.bench.PlanBenchmarkRun;
import io.flotilla.cli.catalog.CatalogOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla bench plan}: plans generated mixes (15 % arm-only, 15 % x86-only, 3 % GPU
 * workloads) against the full catalog and prints speed, quality and memory.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Plans generated mixes against the full catalog: pods/s, cost against the LP lower bound"
            + " and the first-fit-decreasing baseline, peak heap.")
public final class BenchPlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CatalogOptions catalogOptions;

  @Option(
      names = "--pods",
      split = ",",
      defaultValue = "1000,10000,50000",
      description = "Mix sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed.")
  long seed;

  @Option(
      names = "--repetitions",
      defaultValue = "5",
      description = "Timed runs per size; the median is reported.")
  int repetitions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PlanBenchmarkRun run = new PlanBenchmarkRun(catalogOptions.catalog());
    out.printf(
        "%8s %11s %11s %12s %12s %12s %9s %9s %8s %9s%n",
        "pods",
        "median ms",
        "pods/s",
        "cost $/h",
        "bound $/h",
        "ffd $/h",
        "/bound",
        "/ffd",
        "unsched",
        "heap MiB");
    for (int pods : sizes) {
      PlanBenchmarkRun.Figures f = run.measure(pods, seed, Math.max(1, repetitions));
      out.printf(
          Locale.ROOT,
          "%8d %11.1f %11.0f %12.4f %12.4f %12.4f %9.4f %9.4f %8d %9d%n",
          f.pods(),
          f.medianMillis(),
          f.podsPerSecond(),
          f.costPerHour(),
          f.lowerBoundPerHour(),
          f.baselinePerHour(),
          f.ratioToBound(),
          f.ratioToBaseline(),
          f.unschedulable(),
          f.peakHeapMiB());
      out.flush();
    }
    return 0;
  }
}
