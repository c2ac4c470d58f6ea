package io.flotilla.sim.metrics;

import io.flotilla.core.catalog.Offering;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.sim.cloud.InstanceUsage;
import io.flotilla.sim.cluster.ClusterListener;
import io.flotilla.sim.cluster.PodEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what the simulated cluster reports, the timeline's samples and markers, and sums up a
 * run with the cloud's bill.
 */
public final class Recorder implements ClusterListener {
  private final Instant start;
  private final Map<PodId, Instant> pendingSince = new HashMap<>();
  private final List<Timeline.Sample> samples = new ArrayList<>();
  private final List<Timeline.Marker> markers = new ArrayList<>();
  // Primitive and growing: a month of a large cluster binds millions of pods.
  private double[] pendingSeconds = new double[1024];
  private int waited;
  private int evicted;
  private int lostWithNode;
  private int violations;
  private int maxNodes;
  private Instant measuredFrom;
  private int interruptionsBefore;

  /** A recorder for a run starting at {@code start} (timeline times are seconds since then). */
  public Recorder(Instant start) {
    this.start = start;
    this.measuredFrom = start;
  }

  /**
   * The warm-up ends: the summary's figures count from now (the timeline keeps everything). Pods
   * pending now count as pending since now; the node count now is the first maximum.
   *
   * @param nodes nodes in the cluster now
   * @param interruptions the cloud's interruptions so far (not counted)
   */
  public void startMeasuring(Instant now, int nodes, int interruptions) {
    measuredFrom = now;
    interruptionsBefore = interruptions;
    waited = 0;
    evicted = 0;
    lostWithNode = 0;
    violations = 0;
    maxNodes = nodes;
    pendingSince.replaceAll((pod, since) -> now);
  }

  @Override
  public void podCreated(Pod pod, Instant at) {
    pendingSince.put(pod.id(), at);
  }

  @Override
  public void podBound(Pod pod, Instant at) {
    Instant since = pendingSince.remove(pod.id());
    if (since != null) {
      if (waited == pendingSeconds.length) {
        pendingSeconds = Arrays.copyOf(pendingSeconds, waited * 2);
      }
      pendingSeconds[waited++] = Duration.between(since, at).toMillis() / 1000.0;
    }
  }

  @Override
  public void podEnded(Pod pod, PodEnd why, Instant at) {
    if (!pod.bound()) {
      // Deleted before it ever ran: no scheduling latency to report.
      pendingSince.remove(pod.id());
      return;
    }
    if (why == PodEnd.EVICTED) {
      evicted++;
    } else if (why == PodEnd.LOST_WITH_NODE) {
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

  /** Something happened now: an interruption, an injected fault, a voluntary disruption. */
  public void mark(Instant at, String kind, String label) {
    markers.add(new Timeline.Marker(seconds(at), kind, label));
  }

  /** The world at one instant, as the sampler saw it (its time is taken as given). */
  public void sample(Timeline.Sample sample) {
    samples.add(sample);
  }

  /** Seconds since the run's start. */
  public double seconds(Instant at) {
    return Duration.between(start, at).toMillis() / 1000.0;
  }

  public Timeline timeline() {
    return new Timeline(samples, markers);
  }

  /**
   * The run's figures from the end of its warm-up (its start without one) to {@code end}.
   *
   * @param interruptions the cloud's interruptions over the whole run
   * @param flink the Flink jobs' figures since the warm-up
   */
  public Summary summary(
      List<InstanceUsage> usage, int interruptions, Instant end, FlinkFigures flink) {
    double total = 0;
    double hours = 0;
    Map<String, Double> byCapacity = new TreeMap<>();
    Map<String, Double> byArch = new TreeMap<>();
    for (InstanceUsage u : usage) {
      double cost = u.costWithin(measuredFrom, end);
      Offering o = u.offering();
      total += cost;
      hours += u.within(measuredFrom, end).toMillis() / 3_600_000.0;
      byCapacity.merge(o.capacityType().label(), cost, Double::sum);
      byArch.merge(o.type().arch(), cost, Double::sum);
    }
    double[] waits = Arrays.copyOf(pendingSeconds, waited + pendingSince.size());
    int n = waited;
    // Pods still pending at the end have waited at least this long.
    for (Instant since : pendingSince.values()) {
      waits[n++] = Duration.between(since, end).toMillis() / 1000.0;
    }
    Arrays.sort(waits);
    return new Summary(
        total,
        byCapacity,
        byArch,
        hours,
        maxNodes,
        percentiles(waits),
        pendingSince.size(),
        interruptions - interruptionsBefore,
        evicted,
        lostWithNode,
        violations,
        flink.restarts(),
        flink.recomputedSeconds(),
        flink.maxLagSeconds(),
        flink.downtimeSeconds());
  }

  /** Nearest-rank percentiles of sorted values. */
  static Summary.Percentiles percentiles(double[] sorted) {
    if (sorted.length == 0) {
      return new Summary.Percentiles(0, 0, 0);
    }
    return new Summary.Percentiles(
        rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
