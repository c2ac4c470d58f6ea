package io.flotilla.sim.metrics;

import java.util.Map;
import java.util.Objects;

/**
 * The figures of one simulated run, as {@code flotilla simulate --output json} prints them. Money
 * in USD, times in seconds. The {@code flink*} figures add up over the world's Flink jobs (the lag
 * is the largest of any) and are 0 without one: restarts (a TaskManager or the JobManager lost, or
 * a rescale), seconds of processing done again after restarts from the last completed checkpoint,
 * the largest consumer lag, and the time a submitted job was not processing.
 */
public record Summary(
    double totalCost,
    Map<String, Double> costByCapacityType,
    Map<String, Double> costByArch,
    double nodeHours,
    int maxNodes,
    Percentiles podPendingSeconds,
    int podsStillPending,
    int interruptions,
    int podsEvicted,
    int podsLostWithNode,
    int pdbViolations,
    int flinkRestarts,
    double flinkRecomputedSeconds,
    double flinkMaxLagSeconds,
    double flinkDowntimeSeconds) {
  /** p50, p99 and the maximum of a set of durations (0 when there are none). */
  public record Percentiles(double p50, double p99, double max) {}

  public Summary {
    costByCapacityType = Map.copyOf(costByCapacityType);
    costByArch = Map.copyOf(costByArch);
    Objects.requireNonNull(podPendingSeconds, "podPendingSeconds");
  }
}
