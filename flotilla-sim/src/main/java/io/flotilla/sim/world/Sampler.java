package io.flotilla.sim.world;

import io.flotilla.core.catalog.Offering;
import io.flotilla.sim.cloud.SimulatedCloud;
import io.flotilla.sim.cluster.SimulatedCluster;
import io.flotilla.sim.event.EventQueue;
import io.flotilla.sim.flink.FlinkJob;
import io.flotilla.sim.metrics.Recorder;
import io.flotilla.sim.metrics.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples the world for the timeline at the run's start and every interval after, up to its end:
 * NodeClaims (joined or in flight) by architecture and capacity type, what the running instances
 * cost per hour, pending pods, and the Flink jobs' running TaskManagers, input rate and lag
 * (summed; the lag is the largest). Each sample costs O(offerings in use + jobs), not O(nodes or
 * pods).
 */
final class Sampler {
  private final EventQueue queue;
  private final Recorder recorder;
  private final SimulatedCloud cloud;
  private final SimulatedCluster cluster;
  private final List<FlinkJob> jobs;
  private final Duration every;
  private final Instant end;

  Sampler(
      EventQueue queue,
      Recorder recorder,
      SimulatedCloud cloud,
      SimulatedCluster cluster,
      List<FlinkJob> jobs,
      Duration every,
      Instant end) {
    this.queue = queue;
    this.recorder = recorder;
    this.cloud = cloud;
    this.cluster = cluster;
    this.jobs = jobs;
    this.every = every;
    this.end = end;
  }

  void start() {
    queue.at(queue.now(), this::sample);
  }

  private void sample() {
    Instant now = queue.now();
    Map<String, Integer> nodes = new TreeMap<>();
    cluster
        .claimsByOffering()
        .forEach(
            (key, count) -> {
              Offering o = cloud.offering(key);
              if (count > 0 && o != null) {
                nodes.merge(
                    o.type().arch() + "/" + key.capacityType().label(), count, Integer::sum);
              }
            });
    int taskManagers = 0;
    double input = 0;
    double lag = 0;
    for (FlinkJob job : jobs) {
      taskManagers += job.runningTaskManagers();
      input += job.inputRate(now);
      lag = Math.max(lag, job.lagSeconds());
    }
    recorder.sample(
        new Timeline.Sample(
            recorder.seconds(now),
            nodes,
            cloud.costPerHour(),
            cluster.pendingPods(),
            taskManagers,
            input,
            lag));
    if (!now.plus(every).isAfter(end)) {
      queue.after(every, this::sample);
    }
  }
}
