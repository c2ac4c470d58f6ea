package io.flotilla.sim;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.manager.ClusterConfig;
import io.flotilla.control.manager.ControlSettings;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.TestCatalog;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.sim.cloud.CloudSettings;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.metrics.Summary;
import io.flotilla.sim.world.Fault;
import io.flotilla.sim.world.Run;
import io.flotilla.sim.world.Simulation;
import io.flotilla.sim.world.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulationTest {
  private static final Duration HOUR = Duration.ofHours(1);

  /** Twelve web pods, at most two unavailable, spread one per node by anti-affinity. */
  private static World web() {
    Pod template =
        app("web").requests("1", "2Gi").antiAffinity("web", "kubernetes.io/hostname").one();
    DisruptionBudget budget =
        new DisruptionBudget(
            "default",
            "web",
            new LabelSelector(Map.of("app", "web"), List.of()),
            null,
            DisruptionBudget.Amount.parse("2"));
    return new World(
        new ClusterConfig(
            List.of(pool("general", 10).build()), TestCatalog.create(), PlanOptions.DEFAULTS),
        List.of(new Workload("default", "web", Workload.Kind.DEPLOYMENT, template, 12)),
        List.of(),
        List.of(budget));
  }

  private static Run run(long seed, List<Fault> faults) {
    return run(seed, faults, CloudSettings.DEFAULT.withInterruptionScale(0));
  }

  private static Run run(long seed, List<Fault> faults, CloudSettings noRandomReclaims) {
    return new Run(
        HOUR,
        seed,
        Planner.Strategy.OPTIMIZED,
        ControlSettings.FLOTILLA,
        noRandomReclaims,
        Duration.ofSeconds(5),
        faults);
  }

  @Test
  void pendingPodsGetNodesAndEveryPodRuns() {
    Simulation sim = new Simulation(web(), run(1, List.of()));

    Summary s = sim.run();

    assertThat(sim.cluster().pods()).hasSize(12).allMatch(Pod::bound);
    assertThat(s.podsStillPending()).isZero();
    assertThat(s.maxNodes()).isEqualTo(12);
    // Pods wait for one batch (1-10 s) and one boot (30-90 s).
    assertThat(s.podPendingSeconds().max()).isBetween(31.0, 100.0);
    assertThat(s.totalCost()).isPositive();
    assertThat(s.nodeHours()).isBetween(11.0, 12.0);
  }

  @Test
  void aSpotInterruptionOfFiveNodesIsDrainedWithinTheBudgetAndEveryPodRunsAgain() {
    Fault fault = new Fault(Duration.ofMinutes(30), "general", 5, Duration.ofMinutes(2));
    Simulation sim = new Simulation(web(), run(1, List.of(fault)));

    Summary s = sim.run();

    assertThat(s.interruptions()).isEqualTo(5);
    assertThat(s.pdbViolations()).isZero();
    assertThat(s.podsEvicted()).isEqualTo(5);
    assertThat(s.podsLostWithNode()).isZero();
    assertThat(sim.cluster().pods()).hasSize(12).allMatch(Pod::bound);
    assertThat(s.podsStillPending()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameRunAndAnotherSeedAnotherOne() {
    Fault fault = new Fault(Duration.ofMinutes(30), "general", 5, Duration.ofMinutes(2));

    Summary first = new Simulation(web(), run(1, List.of(fault))).run();
    Summary again = new Simulation(web(), run(1, List.of(fault))).run();
    Summary other = new Simulation(web(), run(2, List.of(fault))).run();

    assertThat(again).isEqualTo(first);
    assertThat(other.podPendingSeconds()).isNotEqualTo(first.podPendingSeconds());
  }

  @Test
  void spotPoolsWithoutCapacityAreSkippedAndThePodsLandElsewhere() {
    CloudSettings twoPerPool =
        new CloudSettings(
            10,
            100,
            Duration.ofSeconds(30),
            Duration.ofSeconds(90),
            2,
            0,
            Duration.ofMinutes(2),
            Duration.ZERO);
    Simulation sim = new Simulation(web(), run(1, List.of(), twoPerPool));

    Summary s = sim.run();

    assertThat(sim.cluster().pods()).hasSize(12).allMatch(Pod::bound);
    Map<OfferingKey, Long> perPool =
        sim.cloud().instances().stream()
            .filter(i -> i.offering().capacityType() == CapacityType.SPOT)
            .collect(Collectors.groupingBy(CloudInstance::offering, Collectors.counting()));
    assertThat(perPool.values()).allMatch(n -> n <= 2);
    assertThat(s.podsStillPending()).isZero();
  }
}
