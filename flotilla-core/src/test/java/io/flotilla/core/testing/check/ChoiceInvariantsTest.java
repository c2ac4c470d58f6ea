package io.flotilla.core.testing.check;

import static io.flotilla.core.testing.check.InvariantCases.A;
import static io.flotilla.core.testing.check.InvariantCases.OD;
import static io.flotilla.core.testing.check.InvariantCases.SPARE;
import static io.flotilla.core.testing.check.InvariantCases.ZONE;
import static io.flotilla.core.testing.check.InvariantCases.assertSound;
import static io.flotilla.core.testing.check.InvariantCases.check;
import static io.flotilla.core.testing.check.InvariantCases.general;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PodBuilder;
import io.flotilla.core.testing.PoolBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The checks of the planner's choices (pool limits, weight order and reuse, minValues,
 * PreferNoSchedule, exotic types, unschedulable reasons): sound plans pass, broken ones are
 * reported.
 */
class ChoiceInvariantsTest {
  @Nested
  class PoolLimits {
    @Test
    void capacityBeyondTheCpuLimitIsReported() {
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("small", 10).limit("cpu", "4"))
              .pods(PodBuilder.app("web").requests("1500m", "1Gi").replicas(3))
              .build();
      HandPlan two =
          HandPlan.of(request)
              .launch("n0", "small", "m5.large", A, OD, "web-0")
              .launch("n1", "small", "m5.large", A, OD, "web-1")
              .unschedulable("web-2", "pool small limit cpu reached");
      assertSound(request, two);
      HandPlan three =
          HandPlan.of(request)
              .launch("n0", "small", "m5.large", A, OD, "web-0")
              .launch("n1", "small", "m5.large", A, OD, "web-1")
              .launch("n2", "small", "m5.large", A, OD, "web-2");
      assertThat(check(request, three).poolLimits())
          .containsExactly("pool small holds 6000 cpu of capacity, over its limit 4000");
    }

    @Test
    void existingNodesOfThePoolCountAgainstItsLimitsAndMaxNodes() {
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("small", 10).limit("cpu", "4").maxNodes(2))
              .node(ExistingNodes.node("old", "m5.large", A, "small", List.of(), true))
              .pods(PodBuilder.app("web").requests("1500m", "1Gi").replicas(2))
              .build();
      HandPlan plan =
          HandPlan.of(request)
              .launch("n0", "small", "m5.large", A, OD, "web-0")
              .launch("n1", "small", "m5.large", A, OD, "web-1");
      assertThat(check(request, plan).poolLimits())
          .containsExactly(
              "pool small holds 6000 cpu of capacity, over its limit 4000",
              "pool small has 3 nodes, over its maximum 2");
    }
  }

  @Nested
  class WeightOrderAndReuse {
    private PlanRequest twoPools(PoolBuilder high) {
      return Planning.request()
          .pool(high)
          .pool(PoolBuilder.pool("low", 10))
          .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1))
          .build();
    }

    @Test
    void aPodInALowerWeightPoolWhileAHigherOneHasBudgetIsReported() {
      PlanRequest request = twoPools(PoolBuilder.pool("high", 100));
      assertSound(request, HandPlan.of(request).launch("n0", "high", "m5.large", A, OD, "web-0"));
      HandPlan low = HandPlan.of(request).launch("n0", "low", "m5.large", A, OD, "web-0");
      assertThat(check(request, low).weightOrderAndReuse())
          .singleElement()
          .asString()
          .startsWith(
              "default/web-0 is in pool low (weight 10) while pool high (weight 100)"
                  + " could still launch");
    }

    @Test
    void aHigherPoolWithoutBudgetOrWithAnUntoleratedSoftTaintIsPassedOver() {
      PlanRequest full = twoPools(PoolBuilder.pool("high", 100).limit("cpu", "1"));
      assertSound(full, HandPlan.of(full).launch("n0", "low", "m5.large", A, OD, "web-0"));
      PlanRequest soft = twoPools(PoolBuilder.pool("high", 100).taint(SPARE));
      assertSound(soft, HandPlan.of(soft).launch("n0", "low", "m5.large", A, OD, "web-0"));
    }

    @Test
    void aPodOnANewNodeWhileAnExistingNodeHasRoomIsReported() {
      PlanRequest request =
          general()
              .node(ExistingNodes.node("old", "m5.large"))
              .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(2))
              .build();
      assertSound(
          request,
          HandPlan.of(request)
              .onExisting("old", "web-0")
              .launch("n0", "general", "m5.large", A, OD, "web-1"));
      HandPlan plan =
          HandPlan.of(request).launch("n0", "general", "m5.xlarge", A, OD, "web-0", "web-1");
      assertThat(check(request, plan).weightOrderAndReuse())
          .contains("default/web-0 is on new node n0 while existing node old has room for it");
    }

    @Test
    void aPodWithPreferencesIsLeftToThem() {
      PlanRequest request =
          general()
              .node(ExistingNodes.node("old", "m5.large"))
              .pods(
                  PodBuilder.app("web")
                      .requests("1", "1Gi")
                      .prefer(10, Requirement.in(WellKnownLabels.CAPACITY_TYPE, "spot"))
                      .replicas(1))
              .build();
      assertSound(
          request, HandPlan.of(request).launch("n0", "general", "m5.large", A, "spot", "web-0"));
    }
  }

  @Nested
  class MinValues {
    private PlanRequest request(PodBuilder pod) {
      return Planning.request()
          .pool(
              PoolBuilder.pool("flexible", 10)
                  .require(
                      new Requirement(
                          WellKnownLabels.INSTANCE_FAMILY, Operator.EXISTS, Set.of(), 3)))
          .pods(pod.replicas(1))
          .build();
    }

    @Test
    void aNodeWhosePodsLeaveFewerFamiliesThanMinValuesIsReported() {
      PlanRequest request =
          request(
              PodBuilder.app("web")
                  .requests("1", "1Gi")
                  .nodeSelector(WellKnownLabels.INSTANCE_TYPE, "m5.large"));
      HandPlan plan = HandPlan.of(request).launch("n0", "flexible", "m5.large", A, OD, "web-0");
      assertThat(check(request, plan).minValues())
          .containsExactly(
              "n0 of pool flexible (m5.large, pods [default/web-0]) cannot keep"
                  + " karpenter.k8s.aws/instance-family minValues 3 but only [m5]");
      PlanRequest bestEffort =
          request.withOptions(
              PlanOptions.DEFAULTS.withMinValuesPolicy(PlanOptions.MinValuesPolicy.BEST_EFFORT));
      assertThat(
              check(
                      bestEffort,
                      HandPlan.of(bestEffort).launch("n0", "flexible", "m5.large", A, OD, "web-0"))
                  .minValues())
          .isEmpty();
    }

    @Test
    void aNodeWhosePodsManyFamiliesHoldPasses() {
      PlanRequest request = request(PodBuilder.app("web").requests("1", "1Gi"));
      assertSound(
          request, HandPlan.of(request).launch("n0", "flexible", "m5.large", A, OD, "web-0"));
    }
  }

  @Nested
  class PreferNoSchedule {
    private PlanRequest request(boolean cleanIsBusy) {
      Planning p =
          Planning.request()
              .node(ExistingNodes.node("soft", "m5.xlarge", A, null, List.of(SPARE), false))
              .node(ExistingNodes.node("clean", "m5.xlarge", A, null, List.of(), false))
              .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1));
      if (cleanIsBusy) {
        p.pod(PodBuilder.app("busy").requests("3500m", "1Gi").boundTo("clean").one());
      }
      return p.build();
    }

    @Test
    void aPodOnASoftTaintedNodeWhileAnUntaintedOneHasRoomIsReported() {
      PlanRequest request = request(false);
      assertSound(request, HandPlan.of(request).onExisting("clean", "web-0"));
      assertThat(
              check(request, HandPlan.of(request).onExisting("soft", "web-0")).preferNoSchedule())
          .containsExactly(
              "default/web-0 is on soft despite its taint spare=true:PreferNoSchedule while"
                  + " untainted clean has room for it");
    }

    @Test
    void aSoftTaintedNodeIsFineWhenNoUntaintedOneHasRoom() {
      PlanRequest request = request(true);
      assertSound(request, HandPlan.of(request).onExisting("soft", "web-0"));
    }
  }

  @Nested
  class ExoticTypes {
    @Test
    void aGpuNodeForPodsThatNeedNoGpuIsReported() {
      PlanRequest request =
          general()
              .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1))
              .pods(
                  PodBuilder.app("train")
                      .requests(Resources.parse(Map.of("cpu", "1", "nvidia.com/gpu", "1")))
                      .replicas(1))
              .build();
      HandPlan gpuForTraining =
          HandPlan.of(request)
              .launch("n0", "general", "m5.large", A, OD, "web-0")
              .launch("n1", "general", "g4dn.xlarge", A, OD, "train-0");
      assertSound(request, gpuForTraining);
      HandPlan gpuForWeb =
          HandPlan.of(request).launch("n1", "general", "g4dn.xlarge", A, OD, "train-0", "web-0");
      assertSound(request, gpuForWeb);
      HandPlan wasted =
          HandPlan.of(request)
              .launch("n0", "general", "g4dn.xlarge", A, OD, "web-0")
              .launch("n1", "general", "g4dn.xlarge", A, OD, "train-0");
      assertThat(check(request, wasted).exoticTypes())
          .singleElement()
          .asString()
          .startsWith("n0 is exotic g4dn.xlarge for pods [default/web-0] that need no device");
    }

    @Test
    void anExoticTypeIsFineWhenThePoolHasNoOther() {
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("gpu", 10).require(WellKnownLabels.INSTANCE_CATEGORY, "g"))
              .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1))
              .build();
      assertSound(request, HandPlan.of(request).launch("n0", "gpu", "g4dn.xlarge", A, OD, "web-0"));
    }
  }

  @Nested
  class UnschedulableReasons {
    @Test
    void aPlainPodReportedUnschedulableWhileAPoolCouldLaunchForItIsReported() {
      PlanRequest request =
          general().pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1)).build();
      HandPlan plan = HandPlan.of(request).unschedulable("web-0", "pool general limit cpu reached");
      assertThat(check(request, plan).unschedulableReasons())
          .singleElement()
          .asString()
          .startsWith(
              "default/web-0 is reported unschedulable (pool general limit cpu reached) but pool"
                  + " general could still launch");
    }

    @Test
    void aPlainPodReportedUnschedulableWhileAnExistingNodeHasRoomIsReported() {
      PlanRequest request =
          Planning.request()
              .node(ExistingNodes.node("old", "m5.large"))
              .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1))
              .build();
      HandPlan plan = HandPlan.of(request).unschedulable("web-0", "no room");
      assertThat(check(request, plan).unschedulableReasons())
          .containsExactly(
              "default/web-0 is reported unschedulable (no room) but existing node old has room"
                  + " for it");
    }

    /** The example: pinned to m5.large, the pod leaves one family of the three needed. */
    @Test
    void aPodNoNodeCanHoldWithinThePoolsMinValuesIsRightlyUnschedulable() {
      PlanRequest request =
          Planning.request()
              .pool(
                  PoolBuilder.pool("flexible", 10)
                      .require(
                          new Requirement(
                              WellKnownLabels.INSTANCE_FAMILY, Operator.EXISTS, Set.of(), 3)))
              .pods(
                  PodBuilder.app("web")
                      .requests("1", "1Gi")
                      .nodeSelector(WellKnownLabels.INSTANCE_TYPE, "m5.large")
                      .replicas(1))
              .build();
      assertSound(request, HandPlan.of(request).unschedulable("web-0", "minValues"));
    }

    @Test
    void podsNothingCanTakeOrWithConstraintsTheCheckerLeavesToThePlannerPass() {
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("small", 10).limit("cpu", "2"))
              .pods(PodBuilder.app("big").requests("3", "1Gi").replicas(1))
              .pods(PodBuilder.app("web").requests("1", "1Gi").spread(ZONE, 1, null).replicas(1))
              .pods(PodBuilder.app("ring").requests("1", "1Gi").affinity("ring", ZONE).replicas(1))
              .build();
      HandPlan plan =
          HandPlan.of(request)
              .unschedulable("big-0", "no instance type fits")
              .unschedulable("web-0", "not supported")
              .unschedulable("ring-0", "not supported");
      assertSound(request, plan);
    }
  }
}
