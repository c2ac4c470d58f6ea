package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.ScenarioGenerator;
import io.flotilla.core.testing.TestCatalog;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lower bounds are bounds on the request: no plan, ours included, costs less. */
class RequestBoundTest {
  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void noPlanCostsLessThanItsBound(long seed) {
    PlanRequest request =
        new ScenarioGenerator(seed, TestCatalog.create(), ScenarioGenerator.Kind.all()).next();
    Planner.Outcome outcome = new Planner().plan(request, true);
    assertThat(outcome.bound().plainLp())
        .isLessThanOrEqualTo(outcome.plan().newCostPerHour() + 1e-6);
    assertThat(outcome.bound().best()).isLessThanOrEqualTo(outcome.plan().newCostPerHour() + 1e-6);
  }

  @Test
  void podsARuleTheBoundOmitsKeepsOffAreNotDemandedByIt() {
    // minValues (not in the bound) leaves the pinned pods unschedulable: the plan costs nothing,
    // and a bound that still demanded them would claim more than any plan for what was placed.
    PlanRequest request =
        Planning.request()
            .pool(
                pool("flexible", 10)
                    .require(
                        new Requirement(
                            WellKnownLabels.INSTANCE_FAMILY, Operator.EXISTS, Set.of(), 3)))
            .pods(
                app("pinned")
                    .requests("500m", "1Gi")
                    .nodeSelector(WellKnownLabels.INSTANCE_TYPE, "m5.large")
                    .replicas(20))
            .build();

    Planner.Outcome outcome = new Planner().plan(request, true);

    assertThat(outcome.plan().unschedulable()).hasSize(20);
    assertThat(outcome.bound().best()).isEqualTo(0.0);
  }

  @Test
  void spotCapablePodsFillTheRoomOnDemandNodesLeave() {
    // One on-demand-only pod per node (anti-affinity) leaves room on each; Karpenter would put
    // the Spot-capable pods there rather than launch Spot nodes for them.
    PlanRequest request =
        Planning.request()
            .pool(pool("general", 10))
            .pods(
                app("steady")
                    .requests("1", "1Gi")
                    .nodeSelector(WellKnownLabels.CAPACITY_TYPE, "on-demand")
                    .antiAffinity("steady", WellKnownLabels.HOSTNAME)
                    .replicas(4))
            .pods(app("flex").requests("250m", "256Mi").replicas(4))
            .build();

    Planner.Outcome outcome = new Planner().plan(request, true);
    Plan plan = Planning.checked(request, outcome.plan());

    assertThat(plan.unschedulable()).isEmpty();
    assertThat(plan.newNodes()).allMatch(n -> n.capacityType().label().equals("on-demand"));
    assertThat(plan.newNodes()).hasSize(4);
    assertThat(outcome.bound().best()).isLessThanOrEqualTo(plan.newCostPerHour() + 1e-6);
  }
}
