package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.ScenarioGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fractional LP bound is a true lower bound on the plan's new-node cost. */
class LowerBoundTest {

  @Test
  void theBoundIsOnlyComputedWhenAsked() {
    PlanRequest request =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("web").requests("1", "1Gi").replicas(2))
            .build();

    assertThat(new Planner().plan(request, false).lowerBoundPerHour()).isNull();
  }

  @Test
  void theBoundIsPositiveAndAtMostTheNewNodeCost() {
    PlanRequest request =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("web").requests("1500m", "3Gi").replicas(7))
            .pods(app("cache").requests("500m", "6Gi").replicas(5))
            .pods(app("batch").requests("3", "2Gi").replicas(3))
            .build();
    Planner.Outcome outcome = new Planner().plan(request, true);
    Planning.checked(request, outcome.plan());

    assertThat(outcome.lowerBoundPerHour()).isPositive();
    assertThat(outcome.lowerBoundPerHour())
        .isLessThanOrEqualTo(outcome.plan().newCostPerHour() + 1e-9);
  }

  @Test
  void podsThatExactlyFillOneShapeMakeTheBoundExact() {
    // One offering only (m5.xlarge on-demand in us-east-1a, 3920m allocatable): 4 x 980m fill it.
    PlanRequest request =
        Planning.request()
            .pool(
                pool("m5", 10)
                    .require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge")
                    .require(WellKnownLabels.CAPACITY_TYPE, "on-demand")
                    .require(WellKnownLabels.ZONE, "us-east-1a"))
            .pods(app("web").requests("980m", "1Gi").replicas(4))
            .build();
    Planner.Outcome outcome = new Planner().plan(request, true);
    Planning.checked(request, outcome.plan());

    assertThat(outcome.plan().newNodes()).hasSize(1);
    assertThat(outcome.plan().newCostPerHour()).isEqualTo(0.192);
    assertThat(outcome.lowerBoundPerHour()).isCloseTo(0.192, within(1e-9));
  }

  @Test
  void twoNodesFilledInCpuAndMemoryAlsoMakeTheBoundExact() {
    // m5.xlarge: 3920m / 14162Mi; two pods of 1960m / 7081Mi fill one node in both resources.
    PlanRequest request =
        Planning.request()
            .pool(pool("m5", 10).require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge"))
            .pods(app("web").requests("1960m", "7081Mi").replicas(4))
            .build()
            // Packing against the bound: diversification would move one node to a dearer zone.
            .withOptions(PlanOptions.DEFAULTS.withSpotDiversity(PlanOptions.SpotDiversity.OFF));
    Planner.Outcome outcome = new Planner().plan(request, true);
    Planning.checked(request, outcome.plan());

    assertThat(outcome.plan().newNodes()).hasSize(2);
    assertThat(outcome.lowerBoundPerHour())
        .isCloseTo(outcome.plan().newCostPerHour(), within(1e-9));
  }

  @Test
  void whenEverythingFitsOnExistingNodesBoundAndCostAreZero() {
    PlanRequest request =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("general", 10))
            .pods(app("web").requests("500m", "1Gi").replicas(3))
            .build();
    Planner.Outcome outcome = new Planner().plan(request, true);

    assertThat(outcome.plan().newCostPerHour()).isZero();
    assertThat(outcome.lowerBoundPerHour()).isZero();
  }

  static LongStream seedsWithoutZoneSpread() {
    return LongStream.range(0, 300)
        .filter(
            seed ->
                new ScenarioGenerator(seed, Planning.CATALOG)
                    .next().pods().stream()
                        .flatMap(p -> p.topologySpread().stream())
                        .allMatch(s -> s.topologyKey().equals(WellKnownLabels.HOSTNAME)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seedsWithoutZoneSpread")
  void onGeneratedProblemsTheBoundNeverExceedsTheCost(long seed) {
    PlanRequest request = new ScenarioGenerator(seed, Planning.CATALOG).next();
    Planner.Outcome outcome = new Planner().plan(request, true);

    assertThat(outcome.lowerBoundPerHour())
        .isLessThanOrEqualTo(outcome.plan().newCostPerHour() + 1e-9);
  }

  @Test
  void theBoundNeverExceedsTheCostWhenZoneSpreadTakesPodsBack() {
    // Zone a holds one node (one pod): b and c may keep only two of their three each.
    PlanRequest request =
        Planning.request()
            .pool(
                pool("zone-a", 100)
                    .require(WellKnownLabels.ZONE, "us-east-1a")
                    .require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge")
                    .maxNodes(1))
            .pool(
                pool("zone-bc", 100)
                    .require(WellKnownLabels.ZONE, "us-east-1b", "us-east-1c")
                    .require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge"))
            .pods(app("web").requests("3", "1Gi").spread(WellKnownLabels.ZONE, 1, null).replicas(9))
            .build();
    Planner.Outcome outcome = new Planner().plan(request, true);
    Planning.checked(request, outcome.plan());

    assertThat(outcome.plan().unschedulable()).hasSize(4);
    assertThat(outcome.lowerBoundPerHour())
        .isLessThanOrEqualTo(outcome.plan().newCostPerHour() + 1e-9);
  }
}
