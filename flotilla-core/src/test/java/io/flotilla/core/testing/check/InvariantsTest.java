package io.flotilla.core.testing.check;

import static io.flotilla.core.testing.check.InvariantCases.A;
import static io.flotilla.core.testing.check.InvariantCases.B;
import static io.flotilla.core.testing.check.InvariantCases.DEDICATED;
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
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PodBuilder;
import io.flotilla.core.testing.PoolBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The checker itself: for every invariant, a sound hand-written plan passes every check and a plan
 * that breaks the invariant is reported by that invariant's check.
 */
class InvariantsTest {
  @Nested
  class Accounting {
    private final PlanRequest request =
        general()
            .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(2))
            .node(ExistingNodes.node("old", "m5.large"))
            .pod(PodBuilder.app("db").requests("1500m", "1Gi").boundTo("old").one())
            .build();

    private HandPlan both() {
      return HandPlan.of(request).launch("n1", "general", "m5.xlarge", A, OD, "web-0", "web-1");
    }

    @Test
    void aPlanPlacingEveryPodOncePasses() {
      assertSound(request, both());
    }

    @Test
    void aPodLeftOutIsReported() {
      HandPlan plan = HandPlan.of(request).launch("n1", "general", "m5.xlarge", A, OD, "web-0");
      assertThat(check(request, plan).accounting())
          .containsExactly("default/web-1 is neither placed nor reported unschedulable");
    }

    @Test
    void aPodPlacedAndReportedUnschedulableIsReported() {
      HandPlan plan = both().unschedulable("web-1", "no room");
      assertThat(check(request, plan).accounting())
          .containsExactly("default/web-1 appears 2 times in the plan");
    }

    @Test
    void anUnschedulablePodWithoutAReasonIsReported() {
      HandPlan plan =
          HandPlan.of(request)
              .launch("n1", "general", "m5.xlarge", A, OD, "web-0")
              .unschedulable("web-1", " ");
      assertThat(check(request, plan).accounting())
          .containsExactly("default/web-1 is unschedulable without a reason");
    }

    @Test
    void aBoundPodPlacedAgainIsReported() {
      HandPlan plan =
          HandPlan.of(request)
              .launch("n1", "general", "m5.xlarge", A, OD, "web-0", "web-1", "db-0");
      assertThat(check(request, plan).accounting())
          .containsExactly("default/db-0 is bound to old but the plan places it again");
    }

    @Test
    void aPodTheRequestDoesNotHaveAndAnInventedExistingNodeAreReported() {
      Plan plan = both().unschedulable("ghost-0", "gone").build();
      PlannedNode n1 = plan.nodes().get(0);
      PlannedNode phantom =
          new PlannedNode(
              "phantom",
              true,
              null,
              n1.offering(),
              List.of(),
              n1.labels(),
              n1.allocatable(),
              n1.used());
      List<PlannedNode> nodes = new ArrayList<>(plan.nodes());
      nodes.add(phantom);
      assertThat(PlanInvariants.of(request, new Plan(nodes, plan.unschedulable())).accounting())
          .containsExactly(
              "plan puts pods on phantom, which is not an existing node",
              "the plan names default/ghost-0, which is not in the request");
    }
  }

  @Nested
  class NodeResources {
    @Test
    void podsBeyondAllocatableCpuAreReported() {
      PlanRequest request =
          general().pods(PodBuilder.app("web").requests("1", "1Gi").replicas(2)).build();
      HandPlan sound =
          HandPlan.of(request).launch("n1", "general", "m5.xlarge", A, OD, "web-0", "web-1");
      assertSound(request, sound);
      HandPlan over =
          HandPlan.of(request).launch("n1", "general", "m5.large", A, OD, "web-0", "web-1");
      assertThat(check(request, over).resources())
          .singleElement()
          .asString()
          .startsWith("n1 is over-committed by {cpu=70}");
    }

    @Test
    void daemonSetOverheadCountsAgainstAllocatable() {
      Planning base = general().pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1));
      PlanRequest without = base.build();
      HandPlan plan = HandPlan.of(without).launch("n1", "general", "m5.large", A, OD, "web-0");
      assertSound(without, plan);
      PlanRequest with =
          base.daemonSet("agent", PodBuilder.app("agent").requests("950m", "64Mi").one()).build();
      HandPlan same = HandPlan.of(with).launch("n1", "general", "m5.large", A, OD, "web-0");
      assertThat(check(with, same).resources())
          .singleElement()
          .asString()
          .startsWith(
              "n1 is over-committed by {cpu=20}: DaemonSets {cpu=950, memory=67108864, pods=1}");
    }

    @Test
    void eachPodAndDaemonTakesAPodSlot() {
      KubeletConfig threePods = new KubeletConfig(3, null, null, null, null, null);
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("small", 10).kubelet(threePods))
              .pods(PodBuilder.app("tiny").requests("10m", "10Mi").replicas(3))
              .daemonSet("agent", PodBuilder.app("agent").requests("10m", "10Mi").one())
              .build();
      HandPlan plan =
          HandPlan.of(request)
              .launch("n1", "small", "m5.large", A, OD, "tiny-0", "tiny-1", "tiny-2");
      assertThat(check(request, plan).resources())
          .singleElement()
          .asString()
          .startsWith("n1 is over-committed by {pods=1}");
    }

    @Test
    void aNodeThatIsNoOfferingOfTheCatalogIsReported() {
      PlanRequest request =
          general().pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1)).build();
      HandPlan plan =
          HandPlan.of(request).launch("n1", "general", "m5.large", "us-east-1z", OD, "web-0");
      assertThat(check(request, plan).resources())
          .contains("n1: m5.large us-east-1z ON_DEMAND is not an offering of the catalog");
    }

    @Test
    void labelsThatDisagreeWithTheInstanceTypeAreReported() {
      PlanRequest request =
          general().pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1)).build();
      HandPlan plan =
          HandPlan.of(request)
              .launch(
                  "n1",
                  "general",
                  "m5.large",
                  A,
                  OD,
                  l -> {
                    l.put(WellKnownLabels.INSTANCE_GPU_COUNT, "1");
                    l.put(ZONE, B);
                    return l;
                  },
                  "web-0");
      assertThat(check(request, plan).resources())
          .containsExactlyInAnyOrder(
              "n1 has label topology.kubernetes.io/zone=us-east-1b, expected us-east-1a",
              "n1 has label karpenter.k8s.aws/instance-gpu-count=1 that m5.large lacks");
    }

    @Test
    void aReportedAllocatableOtherThanTheTypesIsReported() {
      PlanRequest request =
          general().pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1)).build();
      Plan plan = HandPlan.of(request).launch("n1", "general", "m5.large", A, OD, "web-0").build();
      PlannedNode n = plan.nodes().get(0);
      PlannedNode inflated =
          new PlannedNode(
              n.name(),
              false,
              n.nodePool(),
              n.offering(),
              n.pods(),
              n.labels(),
              n.allocatable().plus(Resources.parse(Map.of("memory", "1Gi"))),
              n.used());
      Plan wrong = new Plan(List.of(inflated), List.of());
      assertThat(PlanInvariants.of(request, wrong).resources())
          .singleElement()
          .asString()
          .startsWith("n1 reports allocatable");
    }

    @Test
    void aNewNodeWithoutPodsIsReported() {
      PlanRequest request =
          general().pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1)).build();
      HandPlan plan =
          HandPlan.of(request)
              .launch("n1", "general", "m5.large", A, OD, "web-0")
              .launch("n2", "general", "m5.large", A, OD);
      assertThat(check(request, plan).resources()).containsExactly("n2 is launched for no pod");
    }
  }

  @Nested
  class Placement {
    @Test
    void aPodOnANodeItsSelectorRejectsIsReported() {
      PlanRequest request =
          general()
              .pods(
                  PodBuilder.app("web")
                      .requests("1", "1Gi")
                      .require(
                          Requirement.of(WellKnownLabels.INSTANCE_CPU, Operator.GT, List.of("4")))
                      .replicas(1))
              .build();
      assertSound(
          request, HandPlan.of(request).launch("n1", "general", "m5.2xlarge", A, OD, "web-0"));
      HandPlan plan = HandPlan.of(request).launch("n1", "general", "m5.xlarge", A, OD, "web-0");
      assertThat(check(request, plan).placement())
          .singleElement()
          .asString()
          .startsWith("default/web-0 may not run on n1: required node affinity");
    }

    @Test
    void aPodOnATaintedPoolItDoesNotTolerateIsReported() {
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("batch", 10).taint(DEDICATED))
              .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1))
              .pods(
                  PodBuilder.app("job")
                      .requests("1", "1Gi")
                      .tolerate(Toleration.equal("dedicated", "batch", Effect.NO_SCHEDULE))
                      .replicas(1))
              .build();
      HandPlan plan =
          HandPlan.of(request)
              .launch("n1", "batch", "m5.large", A, OD, "job-0")
              .launch("n2", "batch", "m5.large", A, OD, "web-0");
      assertThat(check(request, plan).placement())
          .containsExactly(
              "default/web-0 may not run on n2: untolerated taint dedicated=batch:NoSchedule");
    }

    @Test
    void aPreferNoScheduleTaintDoesNotKeepAPodOff() {
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("spare", 10).taint(SPARE))
              .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1))
              .build();
      assertSound(request, HandPlan.of(request).launch("n1", "spare", "m5.large", A, OD, "web-0"));
    }

    @Test
    void aPodOnAnArchitectureItsImagesLackIsReported() {
      PlanRequest request =
          general()
              .pods(PodBuilder.app("web").requests("1", "1Gi").images("arm64").replicas(1))
              .build();
      assertSound(
          request, HandPlan.of(request).launch("n1", "general", "c6g.large", A, OD, "web-0"));
      HandPlan plan = HandPlan.of(request).launch("n1", "general", "c5.large", A, OD, "web-0");
      assertThat(check(request, plan).placement())
          .containsExactly("default/web-0 may not run on n1: images for [arm64] on amd64");
    }

    @Test
    void aPodOnACordonedNodeIsReported() {
      PlanRequest request =
          Planning.request()
              .node(ExistingNodes.node("old", "m5.xlarge", A, null, List.of(), true))
              .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1))
              .build();
      HandPlan plan = HandPlan.of(request).onExisting("old", "web-0");
      assertThat(check(request, plan).placement())
          .containsExactly("default/web-0 is placed on cordoned node old");
    }

    @Test
    void aNewNodeBreakingItsPoolsRequirementsIsReported() {
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("od", 10).require(WellKnownLabels.CAPACITY_TYPE, OD))
              .pods(PodBuilder.app("web").requests("1", "1Gi").replicas(1))
              .build();
      HandPlan plan = HandPlan.of(request).launch("n1", "od", "m5.large", A, "spot", "web-0");
      assertThat(check(request, plan).placement())
          .containsExactly(
              "n1 breaks pool od's requirement karpenter.sh/capacity-type In [on-demand]"
                  + " (label spot)");
    }
  }
}
