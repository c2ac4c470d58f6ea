package io.flotilla.cli.bench;

import io.flotilla.bench.simulate.BenchWorldGenerator;
import io.flotilla.bench.simulate.SimStrategy;
import io.flotilla.bench.simulate.SimulateBenchmarkRun;
import io.flotilla.bench.simulate.SimulateBenchmarkRun.Measurement;
import io.flotilla.bench.simulate.SimulateBenchmarkRun.Result;
import io.flotilla.bench.simulate.SimulateBenchmarkRun.Setup;
import io.flotilla.bench.simulate.SimulateBenchmarkRun.Spread;
import io.flotilla.cli.catalog.CatalogOptions;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla bench simulate}: the simulator's speed on a large world (issue 13: 30 days of a
 * 1,000-node, 10,000-pod cluster with hourly load waves and interruptions). Runs the same world,
 * seed and strategy several times in this JVM and prints per run and as median and range the wall
 * time, simulated seconds per wall second, peak heap and the run's figures.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates a generated cluster (about sqrt(PODS) Deployments of PODS pods in all, each with"
          + " an HPA on an hourly CPU wave and a PodDisruptionBudget of maxUnavailable 10%; one"
          + " general Spot/on-demand, amd64/arm64 NodePool of c/m/r 4-16 vCPU types with"
          + " consolidation; Spot reclaims at the catalog's rates) --repetitions times in this"
          + " JVM.",
      "Prints per run, then as median and range (min-max): wall seconds, the simulating"
          + " thread's CPU seconds, simulated seconds per wall second, peak heap MiB (peaks reset before each run), and the run's figures"
          + " (maxNodes, totalCost, interruptions, podsEvicted, pdbViolations, podsStillPending),"
          + " which are the same on every run of a seed. Progress goes to stderr every 10 % of"
          + " virtual time."
    })
public final class BenchSimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CatalogOptions catalogOptions;

  @Option(
      names = "--days",
      defaultValue = "30",
      paramLabel = "D",
      description = "Simulated days; fractions allowed, e.g. 0.25 (default: ${DEFAULT-VALUE}).")
  double days;

  @Option(
      names = "--pods",
      defaultValue = "10000",
      paramLabel = "N",
      description = "Pods at the start (default: ${DEFAULT-VALUE}).")
  int pods;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed of the world and the run (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--repetitions",
      defaultValue = "3",
      paramLabel = "R",
      description = "Runs of the same world in this JVM (default: ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--strategy",
      defaultValue = "flotilla",
      paramLabel = "flotilla|karpenter-like",
      description = "The planner and control settings (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Option(
      names = "--interruption-scale",
      defaultValue = "1",
      paramLabel = "X",
      description =
          "Factor on every Spot capacity pool's reclaim rate (1: the Spot Advisor band's midpoint"
              + " per month; default: ${DEFAULT-VALUE}).")
  double interruptionScale;

  @Override
  public Integer call() {
    SimStrategy chosen = SimStrategy.byLabel(strategy);
    if (chosen == null) {
      throw new ParameterException(
          spec.commandLine(), "--strategy must be flotilla or karpenter-like, got " + strategy);
    }
    if (!(days > 0) || days > 3650) {
      throw new ParameterException(spec.commandLine(), "--days must be in (0, 3650]: " + days);
    }
    if (pods < 1) {
      throw new ParameterException(spec.commandLine(), "--pods must be at least 1: " + pods);
    }
    if (repetitions < 1) {
      throw new ParameterException(spec.commandLine(), "--repetitions must be at least 1");
    }
    if (!(interruptionScale >= 0) || interruptionScale > 1e6) {
      throw new ParameterException(
          spec.commandLine(), "--interruption-scale must be in [0, 1e6]: " + interruptionScale);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Duration duration = Duration.ofSeconds(Math.round(days * 86_400));
    Setup setup = new Setup(pods, duration, seed, chosen, interruptionScale);
    out.printf(
        Locale.ROOT,
        "bench simulate: %d pods in %d Deployments (HPA + PDB each), NodePool %s, %s simulated,"
            + " seed %d, strategy %s, Spot reclaims x%s, %d run(s) in one JVM (%d CPUs, max heap"
            + " %d MiB)%n",
        pods,
        BenchWorldGenerator.deployments(pods),
        BenchWorldGenerator.POOL,
        duration,
        seed,
        chosen.label(),
        BigDecimal.valueOf(interruptionScale).stripTrailingZeros().toPlainString(),
        repetitions,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.println(LoadAverage.describe("load average at start"));
    out.flush();
    SimulateBenchmarkRun.Listener listener =
        new SimulateBenchmarkRun.Listener() {
          @Override
          public void progress(int repetition, int percent, double wallSeconds) {
            err.printf(
                Locale.ROOT,
                "run %d/%d: %3d%% of virtual time after %.1f s wall%n",
                repetition,
                repetitions,
                percent,
                wallSeconds);
            err.flush();
          }

          @Override
          public void finished(Measurement m) {
            err.printf(
                Locale.ROOT,
                "run %d/%d done in %.2f s%n",
                m.repetition(),
                repetitions,
                m.wallSeconds());
            err.flush();
          }
        };
    Result result =
        new SimulateBenchmarkRun(catalogOptions.catalog()).measure(setup, repetitions, listener);
    print(out, result);
    out.println(LoadAverage.describe("load average at end"));
    out.flush();
    return 0;
  }

  /** One column of the table: its heading, width, decimals and the figure of a run. */
  private record Column(
      String heading, int width, int decimals, ToDoubleFunction<Measurement> figure) {}

  private static final Column[] COLUMNS = {
    new Column("wall s", 9, 2, Measurement::wallSeconds),
    new Column("cpu s", 9, 2, Measurement::cpuSeconds),
    new Column("sim s/wall s", 12, 0, Measurement::simulatedSecondsPerWallSecond),
    new Column("heap MiB", 9, 0, Measurement::peakHeapMiB),
    new Column("maxNodes", 9, 0, m -> m.figures().maxNodes()),
    new Column("totalCost $", 12, 2, m -> m.figures().totalCost()),
    new Column("interruptions", 14, 0, m -> m.figures().interruptions()),
    new Column("evicted", 8, 0, m -> m.figures().podsEvicted()),
    new Column("pdbViol", 8, 0, m -> m.figures().pdbViolations()),
    new Column("pending", 8, 0, m -> m.figures().podsStillPending())
  };

  /** One row per run, then the median and the range (min-max) of every column. */
  static void print(PrintWriter out, Result result) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-7s", "run"));
    for (Column c : COLUMNS) {
      header.append(' ').append(pad(c.heading(), c.width()));
    }
    out.println(header);
    for (Measurement m : result.runs()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-7d", m.repetition()));
      for (Column c : COLUMNS) {
        row.append(' ').append(pad(number(c.figure().applyAsDouble(m), c.decimals()), c.width()));
      }
      out.println(row);
    }
    StringBuilder median = new StringBuilder(String.format(Locale.ROOT, "%-7s", "median"));
    StringBuilder range = new StringBuilder(String.format(Locale.ROOT, "%-7s", "range"));
    for (Column c : COLUMNS) {
      Spread s = result.spread(c.figure());
      median.append(' ').append(pad(number(s.median(), c.decimals()), c.width()));
      String r =
          s.min() == s.max()
              ? number(s.min(), c.decimals())
              : number(s.min(), c.decimals()) + "-" + number(s.max(), c.decimals());
      range.append(' ').append(pad(r, c.width()));
    }
    out.println(median);
    out.println(range);
    out.println(
        result.repeatable()
            ? "figures: the same on every run"
            : "figures: DIFFER between runs of the same seed (a determinism bug)");
  }

  private static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }
}
