package io.flotilla.sim.metrics;

import java.util.Map;
import java.util.Objects;

/**
 * The figures of one simulated run, as {@code flotilla simulate --output json} prints them. Money
 * in USD, times in seconds.
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
    int pdbViolations) {
  /** p50, p99 and the maximum of a set of durations (0 when there are none). */
  public record Percentiles(double p50, double p99, double max) {}

  public Summary {
    costByCapacityType = Map.copyOf(costByCapacityType);
    costByArch = Map.copyOf(costByArch);
    Objects.requireNonNull(podPendingSeconds, "podPendingSeconds");
  }
}
