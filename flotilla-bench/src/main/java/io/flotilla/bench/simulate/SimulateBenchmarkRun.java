package io.flotilla.bench.simulate;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.sim.cloud.CloudSettings;
import io.flotilla.sim.metrics.Summary;
import io.flotilla.sim.world.Run;
import io.flotilla.sim.world.Simulation;
import io.flotilla.sim.world.World;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Runs the benchmark world ({@link BenchWorldGenerator}) through the simulator a number of times in
 * this JVM, each time a fresh {@link Simulation} of the same world, run and seed, and measures
 * each: wall time, simulated seconds per wall second, and the peak heap (peaks reset before each
 * run). The run's figures are a pure function of the setup and the catalog; times and heap are not.
 */
public final class SimulateBenchmarkRun {
  /** Every pod's termination grace period: {@code flotilla simulate}'s default. */
  private static final Duration POD_GRACE_PERIOD = Duration.ofSeconds(30);

  /**
   * What to simulate: the world's size and seed, for how long, with which strategy, and the factor
   * on the catalog's Spot reclaim rates (1: the Spot Advisor's; more makes interruptions happen in
   * short runs).
   */
  public record Setup(
      int pods, Duration duration, long seed, SimStrategy strategy, double interruptionScale) {
    public Setup {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(strategy, "strategy");
      if (pods < 1) {
        throw new IllegalArgumentException("pods must be at least 1: " + pods);
      }
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("duration must be positive: " + duration);
      }
      if (!(interruptionScale >= 0) || Double.isInfinite(interruptionScale)) {
        throw new IllegalArgumentException("bad interruption scale: " + interruptionScale);
      }
    }

    /** Spot reclaims at the catalog's rates. */
    public Setup(int pods, Duration duration, long seed, SimStrategy strategy) {
      this(pods, duration, seed, strategy, 1);
    }

    /** The run of the setup: random reclaims, no injected faults. */
    public Run run() {
      return new Run(
          duration,
          seed,
          strategy.planner(),
          strategy.control(),
          CloudSettings.DEFAULT.withInterruptionScale(interruptionScale),
          POD_GRACE_PERIOD,
          List.of(),
          sampleEvery(duration));
    }

    /** As {@code flotilla simulate} samples: a thousandth of the run, at least a minute. */
    static Duration sampleEvery(Duration duration) {
      Duration thousandth = duration.dividedBy(1000);
      return thousandth.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : thousandth;
    }
  }

  /** The figures of a run the benchmark prints (from its {@link Summary}). */
  public record Figures(
      int maxNodes,
      double totalCost,
      int interruptions,
      int podsEvicted,
      int pdbViolations,
      int podsStillPending) {
    public static Figures of(Summary s) {
      return new Figures(
          s.maxNodes(),
          s.totalCost(),
          s.interruptions(),
          s.podsEvicted(),
          s.pdbViolations(),
          s.podsStillPending());
    }
  }

  /**
   * One timed run: its wall time, the simulating thread's CPU time (which a busy shared machine
   * inflates less than wall time; NaN where the JVM cannot measure it; garbage collection runs on
   * other threads and is not in it), speed, peak heap and what it summed up to.
   */
  public record Measurement(
      int repetition,
      double wallSeconds,
      double cpuSeconds,
      double simulatedSecondsPerWallSecond,
      long peakHeapMiB,
      Summary summary) {
    public Figures figures() {
      return Figures.of(summary);
    }
  }

  /** The median and the range of a figure over the runs. */
  public record Spread(double median, double min, double max) {
    public static Spread of(double[] values) {
      if (values.length == 0) {
        throw new IllegalArgumentException("no values");
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      return new Spread(median, sorted[0], sorted[n - 1]);
    }
  }

  /** Every run of a setup. */
  public record Result(Setup setup, int deployments, List<Measurement> runs) {
    public Result {
      runs = List.copyOf(runs);
    }

    public Spread spread(ToDoubleFunction<Measurement> figure) {
      return Spread.of(runs.stream().mapToDouble(figure).toArray());
    }

    /** Whether every run summed up to the same figures (it must: same world, run and seed). */
    public boolean repeatable() {
      return runs.stream().map(Measurement::summary).distinct().count() <= 1;
    }
  }

  /** What the runner tells while it works (progress in whole tenths of virtual time). */
  public interface Listener {
    default void progress(int repetition, int percent, double wallSeconds) {}

    default void finished(Measurement measurement) {}
  }

  private final Catalog catalog;

  public SimulateBenchmarkRun(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** The world the setup simulates. */
  public World world(Setup setup) {
    return BenchWorldGenerator.generate(
        catalog, setup.pods(), setup.seed(), setup.strategy().options());
  }

  public Result measure(Setup setup, int repetitions, Listener listener) {
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be at least 1: " + repetitions);
    }
    World world = world(setup);
    Run run = setup.run();
    double simulatedSeconds = setup.duration().toMillis() / 1000.0;
    List<Measurement> runs = new ArrayList<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
    for (int r = 1; r <= repetitions; r++) {
      HeapPeaks.reset();
      long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
      long start = System.nanoTime();
      Simulation simulation = new Simulation(world, run);
      Summary summary = simulation.run(new Tenths(r, start, listener));
      double wall = (System.nanoTime() - start) / 1e9;
      double cpu = cpuTimed ? (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9 : Double.NaN;
      Measurement m =
          new Measurement(r, wall, cpu, simulatedSeconds / wall, HeapPeaks.peakMiB(), summary);
      runs.add(m);
      listener.finished(m);
    }
    return new Result(setup, world.workloads().size(), runs);
  }

  /** Passes progress on each time another tenth of the virtual time has gone by. */
  private static final class Tenths implements DoubleConsumer {
    private final int repetition;
    private final long start;
    private final Listener listener;
    private int told;

    Tenths(int repetition, long start, Listener listener) {
      this.repetition = repetition;
      this.start = start;
      this.listener = listener;
    }

    @Override
    public void accept(double done) {
      int tenth = (int) Math.floor(done * 10 + 1e-9);
      if (tenth > told) {
        told = tenth;
        listener.progress(repetition, 10 * tenth, (System.nanoTime() - start) / 1e9);
      }
    }
  }
}
