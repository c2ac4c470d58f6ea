package io.flotilla.sim.metrics;

import io.flotilla.core.catalog.Offering;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.sim.cloud.InstanceUsage;
import io.flotilla.sim.cluster.ClusterListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects what the simulated cluster reports, and sums up a run with the cloud's bill. */
public final class Recorder implements ClusterListener {
  private final Map<PodId, Instant> pendingSince = new HashMap<>();
  private final List<Double> pendingSeconds = new ArrayList<>();
  private int evicted;
  private int lostWithNode;
  private int violations;
  private int maxNodes;

  @Override
  public void podCreated(Pod pod, Instant at) {
    pendingSince.put(pod.id(), at);
  }

  @Override
  public void podBound(Pod pod, Instant at) {
    Instant since = pendingSince.remove(pod.id());
    if (since != null) {
      pendingSeconds.add(Duration.between(since, at).toMillis() / 1000.0);
    }
  }

  @Override
  public void podEnded(Pod pod, boolean byEviction, Instant at) {
    if (byEviction) {
      evicted++;
    } else {
      lostWithNode++;
    }
  }

  @Override
  public void budgetViolated(String budget, Instant at) {
    violations++;
  }

  @Override
  public void nodeJoined(int nodes, Instant at) {
    maxNodes = Math.max(maxNodes, nodes);
  }

  public Summary summary(List<InstanceUsage> usage, int interruptions, Instant end) {
    double total = 0;
    double hours = 0;
    Map<String, Double> byCapacity = new TreeMap<>();
    Map<String, Double> byArch = new TreeMap<>();
    for (InstanceUsage u : usage) {
      double cost = u.costUntil(end);
      Offering o = u.offering();
      total += cost;
      hours += u.until(end).toMillis() / 3_600_000.0;
      byCapacity.merge(o.capacityType().label(), cost, Double::sum);
      byArch.merge(o.type().arch(), cost, Double::sum);
    }
    List<Double> waits = new ArrayList<>(pendingSeconds);
    // Pods still pending at the end have waited at least this long.
    pendingSince.values().forEach(s -> waits.add(Duration.between(s, end).toMillis() / 1000.0));
    Collections.sort(waits);
    return new Summary(
        total,
        byCapacity,
        byArch,
        hours,
        maxNodes,
        percentiles(waits),
        pendingSince.size(),
        interruptions,
        evicted,
        lostWithNode,
        violations);
  }

  /** Nearest-rank percentiles of sorted values. */
  static Summary.Percentiles percentiles(List<Double> sorted) {
    if (sorted.isEmpty()) {
      return new Summary.Percentiles(0, 0, 0);
    }
    return new Summary.Percentiles(
        rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1));
  }

  private static double rank(List<Double> sorted, double q) {
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
