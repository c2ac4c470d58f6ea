package io.flotilla.sim;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;

import io.flotilla.control.interruption.InterruptionSettings;
import io.flotilla.control.manager.ClusterConfig;
import io.flotilla.control.manager.ControlSettings;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.TestCatalog;
import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.sim.cloud.CloudSettings;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.flink.FlinkJobSpec;
import io.flotilla.sim.traffic.Traffic;
import io.flotilla.sim.world.Fault;
import io.flotilla.sim.world.Run;
import io.flotilla.sim.world.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small world shaped like the reference: a Flink JobManager (a Job) on on-demand nodes, its
 * TaskManagers (a Deployment, 500m and 3800Mi each, one per node) on an arm64 Spot pool, scaled by
 * an HPA 1..25 at 35 % CPU, and the job in reactive mode with 2 slots per TaskManager.
 */
final class ReferenceFlink {
  static final String JOB_MANAGER = "Job/flink-jobmanager";
  static final String TASK_MANAGERS = "Deployment/flink-taskmanager";
  static final String SPOT_POOL = "arm-spot";

  private ReferenceFlink() {}

  /**
   * Input of 14,000 records/s against 10,000 per slot with 8 TaskManagers: 1.4 cores used of 8 x
   * 500m requested, 35 %, the HPA's target. No HPA: the TaskManagers stay 8.
   */
  static World world(Duration checkpointDuration) {
    return withHpa(checkpointDuration).withAutoscalers(List.of());
  }

  /** The same with the reference's HPA on the TaskManagers: 1..25 at 35 % CPU. */
  static World withHpa(Duration checkpointDuration) {
    return world(
        FlinkJobSpec.reference(
                "default", "ticker", JOB_MANAGER, TASK_MANAGERS, 10_000, Traffic.constant(14_000))
            .withCheckpointDuration(checkpointDuration),
        8);
  }

  static World world(FlinkJobSpec job, int taskManagers) {
    Pod jobManager =
        app("flink-jobmanager")
            .label("component", "jobmanager")
            .requests("1", "1600Mi")
            .nodeSelector(WellKnownLabels.CAPACITY_TYPE, "on-demand")
            .owner(JOB_MANAGER)
            .one();
    Pod taskManager =
        app("flink-taskmanager")
            .label("component", "taskmanager")
            .requests("500m", "3800Mi")
            .nodeSelector(WellKnownLabels.CAPACITY_TYPE, "spot")
            .nodeSelector(WellKnownLabels.ARCH, "arm64")
            .antiAffinity("flink-taskmanager", WellKnownLabels.HOSTNAME)
            .owner(TASK_MANAGERS)
            .one();
    // The reference has no budget on its TaskManagers; its JobManager must stay.
    DisruptionBudget keepJobManager =
        new DisruptionBudget(
            "default",
            "flink-jobmanager",
            new LabelSelector(Map.of("component", "jobmanager"), List.of()),
            DisruptionBudget.Amount.parse("1"),
            null);
    // Only empty nodes are removed: no consolidation moves TaskManagers in these runs.
    Disruption whenEmpty =
        new Disruption(
            Disruption.ConsolidationPolicy.WHEN_EMPTY,
            Duration.ofSeconds(30),
            Duration.ofHours(720),
            null,
            List.of(Budget.DEFAULT));
    return new World(
            new ClusterConfig(
                List.of(
                    pool(SPOT_POOL, 10)
                        .require(WellKnownLabels.ARCH, "arm64")
                        .require(WellKnownLabels.CAPACITY_TYPE, "spot")
                        .disruption(whenEmpty)
                        .build(),
                    pool("on-demand", 1)
                        .require(WellKnownLabels.CAPACITY_TYPE, "on-demand")
                        .disruption(whenEmpty)
                        .build()),
                TestCatalog.create(),
                PlanOptions.DEFAULTS),
            List.of(
                new Workload("default", "flink-jobmanager", Workload.Kind.JOB, jobManager, 1),
                new Workload(
                    "default",
                    "flink-taskmanager",
                    Workload.Kind.DEPLOYMENT,
                    taskManager,
                    taskManagers)),
            List.of(),
            List.of(keepJobManager))
        .withAutoscalers(
            List.of(
                new Autoscaler(
                    "default",
                    "flink-taskmanager",
                    TASK_MANAGERS,
                    1,
                    25,
                    35,
                    Autoscaler.DEFAULT_STABILIZATION)))
        .withFlinkJobs(List.of(job));
  }

  /** The reference's FIS experiment: 5 nodes of the Spot pool, 2 minutes' notice, at {@code at}. */
  static Fault fault(Duration at) {
    return new Fault(at, SPOT_POOL, 5, Duration.ofMinutes(2));
  }

  /** A run without random reclaims, the TaskManagers' 60 s grace period, Flotilla's settings. */
  static Run run(long seed, Duration length, List<Fault> faults, boolean checkpointOnWarning) {
    InterruptionSettings f = InterruptionSettings.FLOTILLA;
    ControlSettings control =
        checkpointOnWarning
            ? ControlSettings.FLOTILLA
            : ControlSettings.FLOTILLA.withInterruption(
                new InterruptionSettings(
                    false,
                    f.actOnRebalance(),
                    f.drainReserve(),
                    f.taskManagers(),
                    f.awaitReplacement()));
    return new Run(
        length,
        seed,
        Planner.Strategy.OPTIMIZED,
        control,
        CloudSettings.DEFAULT.withInterruptionScale(0),
        Duration.ofSeconds(60),
        faults);
  }
}
