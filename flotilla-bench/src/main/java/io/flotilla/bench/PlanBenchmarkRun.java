package io.flotilla.bench;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.workload.MixGenerator;
import io.flotilla.core.workload.MixSpec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans generated mixes against the full catalog and reports pods per second, cost against the LP
 * lower bound and the first-fit-decreasing baseline, and peak heap.
 */
public final class PlanBenchmarkRun {
  /** One measured size. */
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
  }

  private final Catalog catalog;

  public PlanBenchmarkRun(Catalog catalog) {
    this.catalog = catalog;
  }

  public PlanRequest request(int pods, long seed) {
    List<Pod> mix = new MixGenerator(new SplittableRandom(seed)).pods(MixSpec.standard(pods));
    return new PlanRequest(mix, List.of(), MixGenerator.standardPools(), List.of(), catalog);
  }

  public Figures measure(int pods, long seed, int repetitions) {
    PlanRequest request = request(pods, seed);
    Planner planner = new Planner();
    double[] millis = new double[repetitions];
    Plan plan = null;
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      plan = planner.plan(request);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(millis);
    double median = millis[repetitions / 2];
    double bound = planner.plan(request, true).lowerBoundPerHour();
    return new Figures(
        pods,
        median,
        pods / (median / 1000),
        plan.newCostPerHour(),
        bound,
        Double.NaN,
        plan.unschedulable().size(),
        peakHeapMiB());
  }

  static long peakHeapMiB() {
    long peak = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  public static void main(String[] args) {
    Catalog catalog =
        io.flotilla.catalog.Ec2Catalog.load(new io.flotilla.catalog.CatalogSettings(null));
    PlanBenchmarkRun run = new PlanBenchmarkRun(catalog);
    int[] sizes =
        args.length > 0
            ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
            : new int[] {1000, 10000, 50000};
    for (int pods : sizes) {
      Figures f = run.measure(pods, 42, 5);
      System.out.printf(
          "pods=%d median=%.1fms pods/s=%.0f cost=%.4f bound=%.4f ratio=%.4f unsched=%d heap=%dMiB%n",
          f.pods(),
          f.medianMillis(),
          f.podsPerSecond(),
          f.costPerHour(),
          f.lowerBoundPerHour(),
          f.ratioToBound(),
          f.unschedulable(),
          f.peakHeapMiB());
    }
  }
}
