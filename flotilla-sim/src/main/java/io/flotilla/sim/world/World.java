package io.flotilla.sim.world;

import io.flotilla.control.manager.ClusterConfig;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.flink.FlinkJobSpec;
import java.util.List;
import java.util.Objects;

/**
 * What a simulation starts from: the NodePools, catalog and plan options, the workloads (with their
 * CPU load curves), DaemonSets, PodDisruptionBudgets, HorizontalPodAutoscalers (each scales the
 * workload whose pods carry its {@code targetOwner}) and Flink jobs (each runs in the pods of the
 * workloads its spec names); the nodes a cluster dump already has, and which replicas run on them.
 */
public record World(
    ClusterConfig config,
    List<Workload> workloads,
    List<DaemonSet> daemonSets,
    List<DisruptionBudget> budgets,
    List<Autoscaler> autoscalers,
    List<FlinkJobSpec> flinkJobs,
    List<ExistingNode> existingNodes,
    List<RunningPod> runningPods) {
  public World {
    Objects.requireNonNull(config, "config");
    workloads = List.copyOf(workloads);
    daemonSets = List.copyOf(daemonSets);
    budgets = List.copyOf(budgets);
    autoscalers = List.copyOf(autoscalers);
    flinkJobs = List.copyOf(flinkJobs);
    existingNodes = List.copyOf(existingNodes);
    runningPods = List.copyOf(runningPods);
  }

  /** A world without autoscalers or Flink jobs. */
  public World(
      ClusterConfig config,
      List<Workload> workloads,
      List<DaemonSet> daemonSets,
      List<DisruptionBudget> budgets) {
    this(config, workloads, daemonSets, budgets, List.of(), List.of(), List.of(), List.of());
  }

  public World withAutoscalers(List<Autoscaler> hpas) {
    return new World(
        config, workloads, daemonSets, budgets, hpas, flinkJobs, existingNodes, runningPods);
  }

  public World withFlinkJobs(List<FlinkJobSpec> jobs) {
    return new World(
        config, workloads, daemonSets, budgets, autoscalers, jobs, existingNodes, runningPods);
  }

  /** The world starting with these nodes, these replicas running on them. */
  public World withExistingNodes(List<ExistingNode> nodes, List<RunningPod> running) {
    return new World(
        config, workloads, daemonSets, budgets, autoscalers, flinkJobs, nodes, running);
  }
}
