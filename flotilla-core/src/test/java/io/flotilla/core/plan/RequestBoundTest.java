package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PoolBuilder;
import io.flotilla.core.testing.ScenarioGenerator;
import io.flotilla.core.testing.TestCatalog;
import io.flotilla.core.workload.MixGenerator;
import io.flotilla.core.workload.MixPools;
import io.flotilla.core.workload.MixSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void exoticTypesNoPodNeedsDoNotLowerTheBound(long seed) {
    // Spot on metal, GPU and accelerator types at 5 % of on-demand: plans keep generic pods off
    // them (Karpenter's exotic filter), so a bound that let generic pods onto them would speak of
    // plans that cannot exist. The GPU pods, which tolerate the GPU pool's taint, need exotic
    // types but fit none of the general pool's (no GPU there), so they open none of them either;
    // their own pool is on-demand, so the cheap exotic Spot changes nothing.
    List<Pod> pods =
        new MixGenerator(new SplittableRandom(seed)).pods(new MixSpec(300, 0, 0.15, 0.15, 0.05));
    List<NodePool> pools =
        List.of(
            PoolBuilder.pool("general", 50)
                .require(
                    new Requirement(
                        WellKnownLabels.INSTANCE_GPU_COUNT,
                        Operator.DOES_NOT_EXIST,
                        Set.of(),
                        null))
                .build(),
            PoolBuilder.pool("gpu", 10)
                .require(
                    new Requirement(
                        WellKnownLabels.INSTANCE_GPU_COUNT, Operator.EXISTS, Set.of(), null))
                .require(WellKnownLabels.CAPACITY_TYPE, "on-demand")
                .taint(MixPools.GPU_TAINT)
                .build());
    Planner.Outcome cheapExotic =
        new Planner()
            .plan(
                new PlanRequest(
                    pods, List.of(), pools, List.of(), Ec2TestCatalog.withCheapExoticSpot()),
                true);
    Planner.Outcome usual =
        new Planner()
            .plan(new PlanRequest(pods, List.of(), pools, List.of(), Ec2TestCatalog.load()), true);

    assertThat(cheapExotic.plan().newNodes())
        .anyMatch(n -> n.pods().size() > 0 && n.nodePool().equals("gpu"));
    assertThat(cheapExotic.bound().plainLp()).isCloseTo(usual.bound().plainLp(), within(1e-6));
    assertThat(cheapExotic.bound().best())
        .isLessThanOrEqualTo(cheapExotic.plan().newCostPerHour() + 1e-6);
  }

  @Test
  void genericPodsMayShareTheExoticNodeAPodNeeds() {
    // The GPU pod's g4dn.xlarge has room left for the generic pod, which the plan puts there: the
    // bound must let generic pods use an exotic type some pod needs (or it would exceed the plan)
    // and must keep that type for the pod that needs it (or it would not demand that pod).
    PlanRequest request =
        Planning.request()
            .pool(
                pool("any", 10)
                    .require(WellKnownLabels.INSTANCE_TYPE, "g4dn.xlarge", "m5.xlarge")
                    .require(WellKnownLabels.CAPACITY_TYPE, "on-demand"))
            .pods(
                app("train")
                    .requests(
                        Resources.parse(Map.of("cpu", "1", "memory", "4Gi", "nvidia.com/gpu", "1")))
                    .replicas(1))
            .pods(app("web").requests("2", "8Gi").replicas(1))
            .build();

    Planner.Outcome outcome = new Planner().plan(request, true);
    Plan plan = Planning.checked(request, outcome.plan());

    assertThat(plan.newNodes())
        .extracting(PlannedNode::instanceType)
        .containsExactly("g4dn.xlarge");
    // The GPU pod alone needs the whole node (its one GPU), and the web pod rides along free.
    assertThat(outcome.bound().plainLp()).isCloseTo(plan.newCostPerHour(), within(1e-6));
    assertThat(outcome.bound().best()).isCloseTo(plan.newCostPerHour(), within(1e-6));
  }
}
