package io.flotilla.bench;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.plan.CostBound;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.workload.GeneratedWorkload;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Plans generated mixes against the full catalog and measures: the median planning time (warm, one
 * untimed run first), the plan's cost against the LP lower bounds and against the
 * first-fit-decreasing baseline, and the peak heap while planning. Everything but times and heap is
 * a pure function of the case.
 */
public final class PlanBenchmarkRun {
  /**
   * What one case gives: its workloads (with at least one replica) and distinct request vectors,
   * then the figures. {@code medianCpuMillis} is the planning thread's CPU time (the planner runs
   * on one thread), which a busy machine inflates less than wall time; NaN where the JVM cannot
   * measure it. {@code configurationLp} is null when the planner does not compute it. When the
   * planner fails to compute the bounds, {@code plainLp} is NaN and {@code boundFailure} says why
   * (null otherwise): a benchmark reports a failure, it does not hide it or stop at it.
   */
  public record Figures(
      BenchCase benchCase,
      int workloads,
      int shapes,
      double medianMillis,
      double medianCpuMillis,
      double costPerHour,
      int unschedulable,
      double plainLp,
      boolean plainLpOptimal,
      Double configurationLp,
      String boundFailure,
      double firstFitPerHour,
      int firstFitUnschedulable,
      long peakHeapMiB) {

    public int pods() {
      return benchCase.pods();
    }

    public double podsPerSecond() {
      return medianMillis > 0 ? pods() / (medianMillis / 1000) : Double.NaN;
    }

    /** Cost over the plain LP bound (NaN when the bound is zero). */
    public double costToPlainLp() {
      return ratio(costPerHour, plainLp);
    }

    /** First-fit cost over the plain LP bound (NaN when the bound is zero). */
    public double firstFitToPlainLp() {
      return ratio(firstFitPerHour, plainLp);
    }

    private static double ratio(double value, double bound) {
      return bound > 0 ? value / bound : Double.NaN;
    }
  }

  private final Catalog catalog;
  private final PlanOptions options;

  public PlanBenchmarkRun(Catalog catalog) {
    this(catalog, PlanOptions.DEFAULTS);
  }

  /** Benchmarks planning with these options (e.g. Spot diversification off, to see packing). */
  public PlanBenchmarkRun(Catalog catalog, PlanOptions options) {
    this.catalog = catalog;
    this.options = options;
  }

  /** The request for a case, as the benchmarks plan it. */
  public PlanRequest request(BenchCase benchCase) {
    return benchCase.generate().request(catalog).withOptions(options);
  }

  public Figures measure(BenchCase benchCase, int repetitions) {
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be at least 1: " + repetitions);
    }
    BenchCase.Problem problem = benchCase.generate();
    PlanRequest request = problem.request(catalog).withOptions(options);
    Planner planner = new Planner();
    planner.plan(request); // warm-up
    System.gc();
    resetPeaks();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
    double[] millis = new double[repetitions];
    double[] cpuMillis = new double[repetitions];
    Plan plan = null;
    for (int i = 0; i < repetitions; i++) {
      long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
      long start = System.nanoTime();
      plan = planner.plan(request);
      millis[i] = (System.nanoTime() - start) / 1e6;
      cpuMillis[i] = cpuTimed ? (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 : Double.NaN;
    }
    long peak = peakHeapMiB();
    Arrays.sort(millis);
    Arrays.sort(cpuMillis);
    CostBound bound = null;
    String boundFailure = null;
    try {
      Planner.Outcome withBound = planner.plan(request, true);
      bound = withBound.bound();
      if (bound == null) {
        // The planner gave up on the bound and said why in a warning.
        boundFailure =
            withBound.plan().warnings().stream()
                .filter(w -> w.startsWith("lower bound"))
                .findFirst()
                .orElse("no bound returned");
      }
    } catch (RuntimeException e) {
      boundFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    Plan firstFit = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);
    return new Figures(
        benchCase,
        (int) problem.workloads().stream().filter(w -> w.replicas() > 0).count(),
        distinctRequests(problem),
        median(millis),
        median(cpuMillis),
        plan.newCostPerHour(),
        plan.unschedulable().size(),
        bound == null ? Double.NaN : bound.plainLp(),
        bound != null && bound.plainLpOptimal(),
        bound == null ? null : bound.configurationLp(),
        boundFailure,
        firstFit.newCostPerHour(),
        firstFit.unschedulable().size(),
        peak);
  }

  /** The median of sorted values: the middle one, or the mean of the two middle ones. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static int distinctRequests(BenchCase.Problem problem) {
    Set<Resources> shapes = new HashSet<>();
    for (GeneratedWorkload w : problem.workloads()) {
      if (w.replicas() > 0) {
        shapes.add(w.requests());
      }
    }
    return shapes.size();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}
