package io.flotilla.sim;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.manager.ClusterConfig;
import io.flotilla.control.manager.ControlSettings;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.testing.TestCatalog;
import io.flotilla.core.workload.Autoscaler;
import io.flotilla.sim.cloud.CloudSettings;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.metrics.Summary;
import io.flotilla.sim.metrics.Timeline;
import io.flotilla.sim.traffic.Traffic;
import io.flotilla.sim.world.Run;
import io.flotilla.sim.world.Simulation;
import io.flotilla.sim.world.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jobs and HPAs in whole simulated runs. */
class WorkloadSimulationTest {
  /** Empty nodes go 30 s after they empty; nothing is consolidated away under running pods. */
  private static final Disruption WHEN_EMPTY =
      new Disruption(
          Disruption.ConsolidationPolicy.WHEN_EMPTY,
          Duration.ofSeconds(30),
          Duration.ofHours(720),
          null,
          List.of(Budget.DEFAULT));

  private static World world(List<Workload> workloads) {
    return new World(
        new ClusterConfig(
            List.of(pool("general", 10).disruption(WHEN_EMPTY).build()),
            TestCatalog.create(),
            PlanOptions.DEFAULTS),
        workloads,
        List.of(),
        List.of());
  }

  private static Run run(Duration length) {
    return new Run(
        length,
        1,
        Planner.Strategy.OPTIMIZED,
        ControlSettings.FLOTILLA,
        CloudSettings.DEFAULT.withInterruptionScale(0),
        Duration.ofSeconds(5),
        List.of());
  }

  @Test
  void aJobRunsToItsCompletionsAndItsNodesEmptyAndGo() {
    Workload batch =
        Workload.job(
            "default",
            "batch",
            app("batch").requests("1", "2Gi").owner("Job/batch").one(),
            3,
            6,
            Duration.ofMinutes(10));
    Simulation sim = new Simulation(world(List.of(batch)), run(Duration.ofHours(1)));

    Summary s = sim.run();

    assertThat(sim.cluster().completions("default", "batch")).isEqualTo(6);
    assertThat(sim.cluster().pods()).isEmpty();
    assertThat(sim.cluster().nodes()).isEmpty();
    assertThat(sim.cluster().nodeClaims()).isEmpty();
    assertThat(s.podsEvicted()).isZero();
    assertThat(s.podsLostWithNode()).isZero();
    assertThat(s.podsStillPending()).isZero();
    assertThat(sim.timeline().markers())
        .isNotEmpty()
        .allMatch(m -> m.kind().equals("emptiness") && m.label().endsWith(" (Empty)"));
    // Two rounds of 10 minutes, after a boot: the nodes were paid for about 20-25 minutes each.
    assertThat(s.nodeHours()).isBetween(0.3 * s.maxNodes(), 0.5 * s.maxNodes());
  }

  /**
   * Four pods of 500m carry 1 core (50 %, the target); the load steps to 4 cores at 600 s and back
   * to 1 at 1,800 s, then creeps to 1.08 cores (within the 10 % tolerance) at 2,400 s.
   */
  private static World loaded() {
    Traffic load =
        new Traffic.Points(
            List.of(
                new Traffic.Points.Point(0, 1),
                new Traffic.Points.Point(599, 1),
                new Traffic.Points.Point(600, 4),
                new Traffic.Points.Point(1_799, 4),
                new Traffic.Points.Point(1_800, 1),
                new Traffic.Points.Point(2_399, 1),
                new Traffic.Points.Point(2_400, 1.08)));
    Workload web =
        new Workload(
                "default",
                "web",
                Workload.Kind.DEPLOYMENT,
                app("web").requests("500m", "1Gi").one(),
                4)
            .withCpuLoad(load);
    return world(List.of(web))
        .withAutoscalers(
            List.of(
                new Autoscaler(
                    "default",
                    "web",
                    "Deployment/web",
                    1,
                    10,
                    50,
                    Autoscaler.DEFAULT_STABILIZATION)));
  }

  private static int replicasAfter(int seconds) {
    Simulation sim = new Simulation(loaded(), run(Duration.ofSeconds(seconds)));
    sim.run();
    return sim.cluster().workloads().get(0).replicas();
  }

  @Test
  void theHpaScalesUpAtTheFirstSyncAfterTheLoadRises() {
    assertThat(replicasAfter(599)).isEqualTo(4);
    // 4 cores on 4 pods is 200 %: 16 wanted, at most twice the replicas in one step.
    assertThat(replicasAfter(600)).isEqualTo(8);
    // The 4 new pods are still starting (they count at 0 %): 4 cores over 8 pods, 100 %: 16, max
    // 10.
    assertThat(replicasAfter(615)).isEqualTo(10);
  }

  @Test
  void theHpaScalesDownOnlyOnceTheHighRecommendationsAreOlderThanTheWindow() {
    // The last high recommendation is made at 1,785 s; it leaves the 300 s window after 2,085 s.
    assertThat(replicasAfter(2_085)).isEqualTo(10);
    assertThat(replicasAfter(2_100)).isEqualTo(4);
  }

  @Test
  void theHpaLeavesTheReplicasAloneWithinTheTolerance() {
    // 1.08 cores on 4 pods is 54 % against 50 %: within 10 %.
    assertThat(replicasAfter(3_000)).isEqualTo(4);
  }

  @Test
  void podsDeletedByAScaleDownAreNeitherEvictedNorLost() {
    Simulation sim = new Simulation(loaded(), run(Duration.ofSeconds(3_000)));

    Summary s = sim.run();

    assertThat(s.podsEvicted()).isZero();
    assertThat(s.podsLostWithNode()).isZero();
    assertThat(s.podsStillPending()).isZero();
    List<Timeline.Sample> samples = sim.timeline().samples();
    assertThat(samples.get(samples.size() - 1).pendingPods()).isZero();
  }
}
