package io.flotilla.sim.world;

import io.flotilla.core.pod.Pod;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cluster.NodeClaim;
import io.flotilla.sim.cloud.SimulatedCloud;
import io.flotilla.sim.cluster.SimulatedCluster;
import io.flotilla.sim.cluster.Workload;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster a simulation starts from: the existing nodes run (the cloud bills them, the cluster
 * has them joined with their DaemonSets' pods), then the workloads' controllers create their pods
 * and the replicas a dump shows running are bound where they ran; the rest are pending.
 */
final class StartingCluster {
  private StartingCluster() {}

  static void start(World world, SimulatedCloud cloud, SimulatedCluster cluster, Instant now) {
    for (ExistingNode n : world.existingNodes()) {
      CloudInstance instance = cloud.adopt(n.node().name(), n.offering());
      cluster.adopt(
          new NodeClaim(
              n.node().name(),
              n.pool(),
              n.offering(),
              instance.id(),
              n.node().labels(),
              n.node().allocatable(),
              now),
          n.node());
    }
    for (Workload w : world.workloads()) {
      cluster.apply(w);
    }
    bindRunning(world.runningPods(), cluster);
  }

  /** Each running replica takes one of its workload's new pods, in name order, on its node. */
  private static void bindRunning(List<RunningPod> running, SimulatedCluster cluster) {
    if (running.isEmpty()) {
      return;
    }
    Map<String, Deque<Pod>> pendingByOwner = new LinkedHashMap<>();
    for (Pod p : cluster.pods()) {
      if (!p.bound()) {
        pendingByOwner
            .computeIfAbsent(key(p.id().namespace(), p.owner()), k -> new ArrayDeque<>())
            .add(p);
      }
    }
    for (RunningPod r : running) {
      Deque<Pod> pending = pendingByOwner.get(key(r.namespace(), r.owner()));
      if (pending != null && !pending.isEmpty() && cluster.hasNode(r.node())) {
        cluster.bind(pending.poll().id(), r.node());
      }
    }
  }

  private static String key(String namespace, String owner) {
    return namespace + " " + owner;
  }
}
