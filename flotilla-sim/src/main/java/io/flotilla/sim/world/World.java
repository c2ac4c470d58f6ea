package io.flotilla.sim.world;

import io.flotilla.control.manager.ClusterConfig;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.sim.cluster.Workload;
import java.util.List;

/** What a simulation starts from: the NodePools, catalog and plan options, and the workloads. */
public record World(
    ClusterConfig config,
    List<Workload> workloads,
    List<DaemonSet> daemonSets,
    List<DisruptionBudget> budgets) {
  public World {
    workloads = List.copyOf(workloads);
    daemonSets = List.copyOf(daemonSets);
    budgets = List.copyOf(budgets);
  }
}
