package io.flotilla.sim.autoscaling;

import io.flotilla.core.workload.Autoscaler;
import io.flotilla.sim.cluster.PodCounts;
import io.flotilla.sim.cluster.SimulatedCluster;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.event.EventQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The HPA controller: every 15 s (Kubernetes' sync period) each HPA looks at its target (the
 * workload whose pods carry its {@code targetOwner}), its pods and their CPU usage, and scales it
 * through the cluster. A target without a usage model reports no metric and is not scaled.
 */
public final class Autoscaling {
  /** Kubernetes' {@code --horizontal-pod-autoscaler-sync-period}. */
  public static final Duration SYNC_PERIOD = Duration.ofSeconds(15);

  private final List<HorizontalPodAutoscaler> hpas;
  private final SimulatedCluster cluster;
  private final EventQueue queue;
  private final Map<String, CpuUsage> usage;

  /**
   * @param usage the CPU usage of workloads by {@link #ownerKey(String, String) namespace and
   *     owner}
   */
  public Autoscaling(
      List<Autoscaler> autoscalers,
      Map<String, CpuUsage> usage,
      SimulatedCluster cluster,
      EventQueue queue) {
    this.hpas = autoscalers.stream().map(HorizontalPodAutoscaler::new).toList();
    this.usage = Map.copyOf(usage);
    this.cluster = cluster;
    this.queue = queue;
  }

  /** How usage is keyed: the namespace and the owner string the pods carry. */
  public static String ownerKey(String namespace, String owner) {
    return namespace + " " + owner;
  }

  /** Starts the sync loop (nothing to do without HPAs). */
  public void start() {
    if (!hpas.isEmpty()) {
      queue.after(SYNC_PERIOD, this::sync);
    }
  }

  private void sync() {
    Instant now = queue.now();
    for (HorizontalPodAutoscaler hpa : hpas) {
      Autoscaler spec = hpa.spec();
      Optional<Workload> target = cluster.workloadOwning(spec.namespace(), spec.targetOwner());
      CpuUsage cpu = usage.get(ownerKey(spec.namespace(), spec.targetOwner()));
      if (target.isEmpty() || cpu == null) {
        continue;
      }
      Workload w = target.get();
      PodCounts pods = cluster.podCounts(w.namespace(), w.name());
      OptionalInt replicas =
          hpa.decide(w.replicas(), pods, cpu.cores(now), w.template().requests().get("cpu"), now);
      if (replicas.isPresent()) {
        cluster.scale(w.namespace(), w.name(), replicas.getAsInt());
      }
    }
    queue.after(SYNC_PERIOD, this::sync);
  }
}
