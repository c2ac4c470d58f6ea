package io.flotilla.sim;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.flotilla.control.manager.ClusterConfig;
import io.flotilla.control.manager.ControlSettings;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.TestCatalog;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.sim.cloud.CloudSettings;
import io.flotilla.sim.cloud.InstanceUsage;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.metrics.Summary;
import io.flotilla.sim.world.ExistingNode;
import io.flotilla.sim.world.Run;
import io.flotilla.sim.world.RunningPod;
import io.flotilla.sim.world.Simulation;
import io.flotilla.sim.world.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cluster dump's node starts the simulation running, billed from the start, with its DaemonSets'
 * pods and the replicas that ran on it bound there; voluntary disruption removes it only when a
 * NodePool of the world manages it.
 */
class ExistingNodesSimulationTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final OfferingKey BIG =
      new OfferingKey("m5.4xlarge", "us-east-1a", CapacityType.ON_DEMAND);

  private static final OfferingKey SMALL =
      new OfferingKey("m5.large", "us-east-1b", CapacityType.ON_DEMAND);

  /** The big node in {@code pool}, a small unmanaged one, and the two web replicas on the small. */
  private static World world(String pool) {
    Pod template = app("web").requests("500m", "1Gi").one();
    Pod agent = app("agent").requests("100m", "128Mi").owner("DaemonSet/agent").one();
    ExistingNode big =
        new ExistingNode(
            ExistingNodes.node(
                "big",
                BIG.type(),
                BIG.zone(),
                pool.equals(ExistingNode.UNMANAGED) ? null : pool,
                List.of(),
                false),
            pool,
            BIG);
    ExistingNode small =
        new ExistingNode(
            ExistingNodes.node("small", SMALL.type(), SMALL.zone(), null, List.of(), false),
            ExistingNode.UNMANAGED,
            SMALL);
    return new World(
            new ClusterConfig(
                List.of(pool("general", 10).build()), TestCatalog.create(), PlanOptions.DEFAULTS),
            List.of(new Workload("default", "web", Workload.Kind.DEPLOYMENT, template, 2)),
            List.of(new DaemonSet("kube-system", "agent", agent)),
            List.of())
        .withExistingNodes(
            List.of(big, small),
            List.of(
                new RunningPod("default", "Deployment/web", "small"),
                new RunningPod("default", "Deployment/web", "small")));
  }

  private static Run run() {
    return new Run(
        HOUR,
        1,
        Planner.Strategy.OPTIMIZED,
        ControlSettings.FLOTILLA,
        CloudSettings.DEFAULT.withInterruptionScale(0),
        Duration.ofSeconds(5),
        List.of());
  }

  @Test
  void unmanagedNodesRunAndAreBilledAllAlongWithTheirPodsBoundWhereTheyRan() {
    Simulation sim = new Simulation(world(ExistingNode.UNMANAGED), run());

    Summary s = sim.run();

    assertThat(sim.cloud().usage()).hasSize(2);
    assertThat(sim.cloud().usage())
        .allSatisfy(
            u -> {
              assertThat(u.start()).isEqualTo(Simulation.START);
              assertThat(u.end()).isEmpty();
            });
    assertThat(s.totalCost()).isCloseTo(0.768 + 0.096, offset(1e-6));
    assertThat(s.podPendingSeconds().max()).isZero();
    // Least-allocated would have chosen the big node: the replicas stay where the dump had them.
    assertThat(sim.cluster().podsOn("small"))
        .extracting(Pod::owner)
        .containsExactlyInAnyOrder("Deployment/web", "Deployment/web", "DaemonSet/agent");
    assertThat(sim.cluster().podsOn("big"))
        .extracting(Pod::owner)
        .containsExactly("DaemonSet/agent");
  }

  @Test
  void anEmptyNodeOfAManagedPoolIsRemoved() {
    Simulation sim = new Simulation(world("general"), run());

    Summary s = sim.run();

    InstanceUsage big =
        sim.cloud().usage().stream()
            .filter(u -> u.offering().type().name().equals("m5.4xlarge"))
            .findFirst()
            .orElseThrow();
    assertThat(big.end()).isPresent();
    assertThat(s.totalCost()).isLessThan(0.768 + 0.096);
    assertThat(s.podsStillPending()).isZero();
    assertThat(sim.cluster().pods())
        .filteredOn(p -> p.owner().equals("Deployment/web"))
        .hasSize(2)
        .allMatch(Pod::bound);
  }
}
