package io.flotilla.bench;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.workload.MixGenerator;
import io.flotilla.core.workload.MixSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans generated mixes against the full catalog and measures: median planning time and pods per
 * second (warm), the plan's cost against the LP lower bound and against the first-fit-decreasing
 * baseline, and the peak heap while planning.
 */
public final class PlanBenchmarkRun {
  /** The figures for one mix size. */
  public record Figures(
      int pods,
      double medianMillis,
      double podsPerSecond,
      double costPerHour,
      double lowerBoundPerHour,
      double baselinePerHour,
      int unschedulable,
      long peakHeapMiB) {

    public double ratioToBound() {
      return lowerBoundPerHour > 0 ? costPerHour / lowerBoundPerHour : Double.NaN;
    }

    public double ratioToBaseline() {
      return baselinePerHour > 0 ? costPerHour / baselinePerHour : Double.NaN;
    }
  }

  private final Catalog catalog;

  public PlanBenchmarkRun(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The standard mix of the benchmark: {@link MixSpec#standard}, {@link
   * MixGenerator#standardPools}.
   */
  public PlanRequest request(int pods, long seed) {
    List<Pod> mix = new MixGenerator(new SplittableRandom(seed)).pods(MixSpec.standard(pods));
    return new PlanRequest(mix, List.of(), MixGenerator.standardPools(), List.of(), catalog);
  }

  public Figures measure(int pods, long seed, int repetitions) {
    PlanRequest request = request(pods, seed);
    Planner planner = new Planner();
    planner.plan(request); // warm-up
    System.gc();
    resetPeaks();
    double[] millis = new double[repetitions];
    Plan plan = null;
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      plan = planner.plan(request);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    long peak = peakHeapMiB();
    Arrays.sort(millis);
    double median = millis[repetitions / 2];
    double bound = planner.plan(request, true).lowerBoundPerHour();
    double baseline =
        new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request).newCostPerHour();
    return new Figures(
        pods,
        median,
        pods / (median / 1000),
        plan.newCostPerHour(),
        bound,
        baseline,
        plan.unschedulable().size(),
        peak);
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
