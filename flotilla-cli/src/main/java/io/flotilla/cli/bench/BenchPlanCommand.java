package io.flotilla.cli.bench;

import io.flotilla.bench.BenchCase;
import io.flotilla.bench.BenchMix;
import io.flotilla.bench.BenchPools;
import io.flotilla.bench.PlanBenchmarkRun;
import io.flotilla.cli.catalog.CatalogOptions;
import io.flotilla.core.plan.PlanOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla bench plan}: plans generated mixes against the full catalog and prints, per size
 * and seed, speed, cost against the LP bounds and the first-fit-decreasing baseline, and memory.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Plans generated mixes against the full catalog. One row per size and seed: workloads,"
          + " distinct request vectors (shapes), median planning time (warm) and the planning"
          + " thread's median CPU time, cost, the plain and"
          + " configuration LP lower bounds (\"-\": not computed), cost over the plain LP,"
          + " first-fit-decreasing cost and its ratio, unschedulable pods (plan/first-fit), peak"
          + " heap while planning.",
      "All figures but times and heap are the same on every run."
    })
public final class BenchPlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CatalogOptions catalogOptions;

  @Option(
      names = "--mix",
      defaultValue = "standard",
      paramLabel = "standard|diverse",
      description =
          "standard: a few hundred workloads with heavy-tailed replicas; diverse: 1-10 replicas"
              + " per workload, hundreds of distinct requests, mixed arch and capacity-type"
              + " selectors (default: ${DEFAULT-VALUE}).")
  BenchMix mix;

  @Option(
      names = "--pools",
      defaultValue = "standard",
      paramLabel = "standard|weighted",
      description =
          "standard: a general pool and a tainted GPU pool; weighted: a Spot pool limited to half"
              + " the mix's CPU above an on-demand pool, and the GPU pool (default:"
              + " ${DEFAULT-VALUE}).")
  BenchPools pools;

  @Option(
      names = {"--sizes", "--pods"},
      split = ",",
      defaultValue = "1000,10000,50000",
      paramLabel = "N[,N...]",
      description = "Mix sizes in pods (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = {"--seeds", "--seed"},
      split = ",",
      defaultValue = "42",
      paramLabel = "S[,S...]",
      description = "Generator seeds (default: ${DEFAULT-VALUE}).")
  List<Long> seeds;

  @Option(
      names = "--repetitions",
      defaultValue = "5",
      description = "Timed runs per case after one warm-up; the median is reported.")
  int repetitions;

  @Option(
      names = "--no-spot-diversity",
      description =
          "Plan without Spot diversification, to see the packing alone against the bounds"
              + " (diversification trades a few percent for safety on purpose).")
  boolean noSpotDiversity;

  @Override
  public Integer call() {
    if (repetitions < 1) {
      throw new ParameterException(spec.commandLine(), "--repetitions must be at least 1");
    }
    if (sizes.stream().anyMatch(n -> n < 0)) {
      throw new ParameterException(spec.commandLine(), "--sizes must not be negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    PlanOptions options =
        noSpotDiversity
            ? PlanOptions.DEFAULTS.withSpotDiversity(PlanOptions.SpotDiversity.OFF)
            : PlanOptions.DEFAULTS;
    PlanBenchmarkRun run = new PlanBenchmarkRun(catalogOptions.catalog(), options);
    out.printf(
        "mix %s, pools %s, Spot diversification %s, %d timed run(s) per case%n",
        mix.name().toLowerCase(Locale.ROOT),
        pools.name().toLowerCase(Locale.ROOT),
        noSpotDiversity ? "off" : "on",
        repetitions);
    PlanFiguresTable table = new PlanFiguresTable(out);
    table.header();
    for (int size : sizes) {
      for (long seed : seeds) {
        table.row(run.measure(new BenchCase(mix, pools, size, seed), repetitions));
      }
    }
    return 0;
  }
}
