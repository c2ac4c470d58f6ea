package io.flotilla.core.testing.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PodBuilder;
import io.flotilla.core.testing.PoolBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The checker itself: for every invariant, a sound hand-written plan passes every check and a plan
 * that breaks the invariant is reported by that invariant's check.
 */
class InvariantsTest {
  private static final String ZONE = WellKnownLabels.ZONE;
  private static final String HOST = WellKnownLabels.HOSTNAME;
  private static final String A = "us-east-1a";
  private static final String B = "us-east-1b";
  private static final String C = "us-east-1c";
  private static final String OD = "on-demand";
  private static final Taint DEDICATED = new Taint("dedicated", "batch", Effect.NO_SCHEDULE);
  private static final Taint SPARE = new Taint("spare", "true", Effect.PREFER_NO_SCHEDULE);

  private static Invariants check(PlanRequest request, HandPlan plan) {
    return PlanInvariants.of(request, plan.build());
  }

  private static void assertSound(PlanRequest request, HandPlan plan) {
    assertThat(PlanInvariants.violations(request, plan.build())).isEmpty();
  }

  private static Planning general() {
    return Planning.request().pool(PoolBuilder.pool("general", 10));
  }

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

  @Nested
  class Spread {
    private PlanRequest zoneSpread(
        int replicas, int maxSkew, Integer minDomains, PoolBuilder pool) {
      return Planning.request()
          .pool(pool)
          .pods(
              PodBuilder.app("web")
                  .requests("1", "1Gi")
                  .spread(ZONE, maxSkew, minDomains)
                  .replicas(replicas))
          .build();
    }

    private HandPlan zones(PlanRequest request, String pool, String... zones) {
      HandPlan plan = HandPlan.of(request);
      for (int i = 0; i < zones.length; i++) {
        plan.launch("n" + i, pool, "m5.large", zones[i], OD, "web-" + i);
      }
      return plan;
    }

    @Test
    void aZoneHoldingMoreThanMaxSkewAboveAnEmptyEligibleZoneIsReported() {
      PlanRequest request = zoneSpread(3, 1, null, PoolBuilder.pool("general", 10));
      assertSound(request, zones(request, "general", A, B, C));
      assertThat(check(request, zones(request, "general", A, A, B)).topologySpread())
          .hasSize(2)
          .allSatisfy(
              v ->
                  assertThat(v)
                      .contains("topology.kubernetes.io/zone=us-east-1a holds 2 matching pods")
                      .contains("is 0, maxSkew 1"));
    }

    @Test
    void aLargerMaxSkewIsLooser() {
      PlanRequest request = zoneSpread(3, 2, null, PoolBuilder.pool("general", 10));
      assertSound(request, zones(request, "general", A, A, B));
      assertThat(check(request, zones(request, "general", A, A, A)).topologySpread()).hasSize(3);
    }

    @Test
    void onlyZonesThePoolsCanLaunchInAreEligible() {
      PlanRequest request = zoneSpread(3, 1, null, PoolBuilder.pool("ab", 10).require(ZONE, A, B));
      assertSound(request, zones(request, "ab", A, A, B));
    }

    @Test
    void aCordonedNodeGivesNoEligibleDomain() {
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("ab", 10).require(ZONE, A, B))
              .node(ExistingNodes.node("old", "m5.large", C, null, List.of(), true))
              .pods(PodBuilder.app("web").requests("1", "1Gi").spread(ZONE, 1, null).replicas(3))
              .build();
      assertSound(request, zones(request, "ab", A, A, B));
    }

    /**
     * Kubernetes' default nodeTaintsPolicy is Ignore: a node whose taint the pods do not tolerate
     * still counts, so its zone is an eligible domain even though they cannot run there.
     */
    @Test
    void aZoneOnlyATaintedNodeHasIsStillAnEligibleDomain() {
      Node tainted = ExistingNodes.node("old", "m5.large", C, null, List.of(DEDICATED), false);
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("ab", 10).require(ZONE, A, B))
              .node(tainted)
              .pods(PodBuilder.app("web").requests("1", "1Gi").spread(ZONE, 1, null).replicas(3))
              .build();
      assertThat(check(request, zones(request, "ab", A, A, B)).topologySpread())
          .hasSize(2)
          .allSatisfy(
              v -> assertThat(v).contains("us-east-1a holds 2 matching pods").contains("is 0"));
      HandPlan twoThenStuck =
          HandPlan.of(request)
              .launch("n0", "ab", "m5.large", A, OD, "web-0")
              .launch("n1", "ab", "m5.large", B, OD, "web-1")
              .unschedulable("web-2", "zone spread");
      assertThat(check(request, twoThenStuck).topologySpread()).isEmpty();
    }

    @Test
    void fewerEligibleZonesThanMinDomainsMakeTheMinimumZero() {
      PlanRequest request = zoneSpread(3, 1, 3, PoolBuilder.pool("ab", 10).require(ZONE, A, B));
      assertThat(check(request, zones(request, "ab", A, A, B)).topologySpread())
          .hasSize(2)
          .allSatisfy(v -> assertThat(v).contains("us-east-1a holds 2 matching pods"));
      PlanRequest enough = zoneSpread(3, 1, 2, PoolBuilder.pool("ab", 10).require(ZONE, A, B));
      assertSound(enough, zones(enough, "ab", A, A, B));
    }

    @Test
    void aScheduleAnywaySpreadIsAPreference() {
      PlanRequest request =
          general()
              .pods(PodBuilder.app("web").requests("1", "1Gi").softSpread(ZONE, 1).replicas(2))
              .build();
      assertSound(
          request,
          HandPlan.of(request)
              .launch("n0", "general", "m5.large", A, OD, "web-0")
              .launch("n1", "general", "m5.large", A, OD, "web-1"));
    }

    @Test
    void aCapacityTypeSpreadCountsSpotAndOnDemandAsDomains() {
      PlanRequest request =
          general()
              .pods(
                  PodBuilder.app("web")
                      .requests("1", "1Gi")
                      .spread(WellKnownLabels.CAPACITY_TYPE, 1, null)
                      .replicas(2))
              .build();
      assertSound(
          request,
          HandPlan.of(request)
              .launch("n0", "general", "m5.large", A, "spot", "web-0")
              .launch("n1", "general", "m5.large", A, OD, "web-1"));
      HandPlan allSpot =
          HandPlan.of(request)
              .launch("n0", "general", "m5.large", A, "spot", "web-0")
              .launch("n1", "general", "m5.large", A, "spot", "web-1");
      assertThat(check(request, allSpot).topologySpread())
          .hasSize(2)
          .allSatisfy(
              v ->
                  assertThat(v)
                      .contains("karpenter.sh/capacity-type=spot holds 2")
                      .contains("[on-demand, spot] is 0"));
    }

    /** Karpenter's documented split: values 2-5 on a Spot pool, 1 on an on-demand pool. */
    @Test
    void eachValueOfAPoolsInRequirementOnACustomKeyIsADomain() {
      PlanRequest request =
          Planning.request()
              .pool(
                  PoolBuilder.pool("spot", 10)
                      .require(WellKnownLabels.CAPACITY_TYPE, "spot")
                      .require("capacity-spread", "2", "3", "4", "5"))
              .pool(
                  PoolBuilder.pool("od", 10)
                      .require(WellKnownLabels.CAPACITY_TYPE, OD)
                      .require("capacity-spread", "1"))
              .pods(
                  PodBuilder.app("web")
                      .requests("1", "1Gi")
                      .spread("capacity-spread", 1, null)
                      .replicas(5))
              .build();
      HandPlan split = HandPlan.of(request).launch("n1", "od", "m5.large", A, OD, "web-0");
      for (int i = 1; i < 5; i++) {
        String value = Integer.toString(i + 1);
        split.launch(
            "n" + (i + 1),
            "spot",
            "m5.large",
            A,
            "spot",
            l -> {
              l.put("capacity-spread", value);
              return l;
            },
            "web-" + i);
      }
      assertSound(request, split);
      HandPlan onDemand = HandPlan.of(request);
      for (int i = 0; i < 5; i++) {
        onDemand.launch("n" + i, "od", "m5.large", A, OD, "web-" + i);
      }
      assertThat(check(request, onDemand).topologySpread())
          .hasSize(5)
          .allSatisfy(
              v -> assertThat(v).contains("capacity-spread=1 holds 5").contains("[1, 2, 3, 4, 5]"));
      HandPlan unlabelled =
          HandPlan.of(request).launch("n1", "spot", "m5.large", A, "spot", "web-0");
      assertThat(check(request, unlabelled).topologySpread())
          .contains("default/web-0 spreads over capacity-spread but n1 has no such label");
    }

    @Test
    void aNewNodeIsAnEmptyHostnameDomain() {
      PlanRequest request =
          general()
              .pods(PodBuilder.app("web").requests("1", "1Gi").spread(HOST, 1, null).replicas(2))
              .build();
      assertSound(
          request,
          HandPlan.of(request)
              .launch("n0", "general", "m5.large", A, OD, "web-0")
              .launch("n1", "general", "m5.large", A, OD, "web-1"));
      HandPlan together =
          HandPlan.of(request).launch("n0", "general", "m5.xlarge", A, OD, "web-0", "web-1");
      assertThat(check(request, together).topologySpread()).hasSize(2);
    }

    @Test
    void withoutAPoolForThePodTheHostnameMinimumIsOverExistingNodes() {
      PlanRequest request =
          Planning.request()
              .pool(PoolBuilder.pool("batch", 10).taint(DEDICATED))
              .node(ExistingNodes.node("x", "m5.xlarge"))
              .node(ExistingNodes.node("y", "m5.xlarge"))
              .pods(PodBuilder.app("web").requests("1", "1Gi").spread(HOST, 1, null).replicas(4))
              .build();
      assertSound(
          request,
          HandPlan.of(request).onExisting("x", "web-0", "web-1").onExisting("y", "web-2", "web-3"));
      assertThat(
              check(request, HandPlan.of(request).onExisting("x", "web-0", "web-1", "web-2"))
                  .topologySpread())
          .hasSize(3);
    }
  }

  @Nested
  class AntiAffinity {
    @Test
    void twoPodsOfAZoneAntiAffineWorkloadInOneZoneAreReported() {
      PlanRequest request =
          general()
              .pods(
                  PodBuilder.app("web").requests("1", "1Gi").antiAffinity("web", ZONE).replicas(2))
              .build();
      assertSound(
          request,
          HandPlan.of(request)
              .launch("n0", "general", "m5.large", A, OD, "web-0")
              .launch("n1", "general", "m5.large", B, OD, "web-1"));
      HandPlan same =
          HandPlan.of(request)
              .launch("n0", "general", "m5.large", A, OD, "web-0")
              .launch("n1", "general", "m5.large", A, OD, "web-1");
      assertThat(check(request, same).podAntiAffinity())
          .containsExactly(
              "default/web-0 and default/web-1 share topology.kubernetes.io/zone=us-east-1a but"
                  + " default/web-0 has anti-affinity to pods like default/web-1");
    }

    @Test
    void aBoundPodsAntiAffinityKeepsPlannedPodsAway() {
      PlanRequest request =
          general()
              .node(ExistingNodes.node("old", "m5.xlarge", A, null, List.of(), false))
              .pod(
                  PodBuilder.app("guard")
                      .requests("100m", "100Mi")
                      .antiAffinity("web", ZONE)
                      .boundTo("old")
                      .one())
              .pods(PodBuilder.app("web").requests("3", "1Gi").replicas(1))
              .build();
      assertSound(
          request, HandPlan.of(request).launch("n0", "general", "m5.xlarge", B, OD, "web-0"));
      HandPlan plan = HandPlan.of(request).launch("n0", "general", "m5.xlarge", A, OD, "web-0");
      assertThat(check(request, plan).podAntiAffinity())
          .singleElement()
          .asString()
          .contains("default/guard-0 has anti-affinity to pods like default/web-0");
    }
  }

  @Nested
  class Affinity {
    private final PlanRequest toCache =
        general()
            .node(ExistingNodes.node("old", "m5.xlarge", A, null, List.of(), false))
            .pod(PodBuilder.app("cache").requests("100m", "100Mi").boundTo("old").one())
            .pods(PodBuilder.app("web").requests("3", "1Gi").affinity("cache", HOST).replicas(1))
            .build();

    @Test
    void aPodBesideThePodsItsTermSelectsPasses() {
      assertSound(toCache, HandPlan.of(toCache).onExisting("old", "web-0"));
    }

    @Test
    void aPodAwayFromThePodsItsTermSelectsIsReported() {
      HandPlan plan = HandPlan.of(toCache).launch("n0", "general", "m5.xlarge", A, OD, "web-0");
      assertThat(check(toCache, plan).podAffinity())
          .singleElement()
          .asString()
          .startsWith("default/web-0 on n0 has required pod affinity");
    }

    private PlanRequest ring(boolean boundRing) {
      Planning p =
          general()
              .pods(PodBuilder.app("ring").requests("1", "1Gi").affinity("ring", ZONE).replicas(3));
      if (boundRing) {
        p.node(ExistingNodes.node("old", "m5.large", C, null, List.of(), true))
            .pod(PodBuilder.app("ring").requests("1", "1Gi").boundTo("old").build(9));
      }
      return p.build();
    }

    private HandPlan ringIn(PlanRequest request, String... zones) {
      HandPlan plan = HandPlan.of(request);
      for (int i = 0; i < zones.length; i++) {
        plan.launch("n" + i, "general", "m5.large", zones[i], OD, "ring-" + i);
      }
      return plan;
    }

    @Test
    void aGroupWithAffinityToItselfMayStartAnywhereButMustStayTogether() {
      PlanRequest request = ring(false);
      assertSound(request, ringIn(request, B, B, B));
      assertThat(check(request, ringIn(request, A, A, B)).podAffinity())
          .hasSize(2)
          .allSatisfy(v -> assertThat(v).contains("no order of binding"));
    }

    @Test
    void twoLonePodsOfAGroupCannotBothBeItsFirst() {
      PlanRequest request =
          general()
              .pods(PodBuilder.app("ring").requests("1", "1Gi").affinity("ring", ZONE).replicas(2))
              .build();
      HandPlan plan =
          HandPlan.of(request)
              .launch("n0", "general", "m5.large", A, OD, "ring-0")
              .launch("n1", "general", "m5.large", B, OD, "ring-1");
      assertThat(check(request, plan).podAffinity())
          .singleElement()
          .asString()
          .contains("both need to be the first pod of their affinity group");
    }

    @Test
    void aGroupWithABoundPodMustJoinIt() {
      PlanRequest request = ring(true);
      assertThat(check(request, ringIn(request, B, B, B)).podAffinity()).hasSize(3);
      assertSound(request, ringIn(request, C, C, C));
    }

    @Test
    void aNodeWithoutTheTermsKeyIsReported() {
      PlanRequest request =
          general()
              .pods(
                  PodBuilder.app("ring").requests("1", "1Gi").affinity("ring", "rack").replicas(1))
              .build();
      assertThat(check(request, ringIn(request, A)).podAffinity())
          .containsExactly("default/ring-0 has pod affinity over rack but n0 has no such label");
    }
  }

  @Nested
  class HostPorts {
    @Test
    void twoPodsBindingOnePortOnANodeAreReported() {
      PlanRequest request =
          general()
              .pods(PodBuilder.app("web").requests("1", "1Gi").hostPort("8080/TCP").replicas(2))
              .build();
      assertSound(
          request,
          HandPlan.of(request)
              .launch("n0", "general", "m5.large", A, OD, "web-0")
              .launch("n1", "general", "m5.large", A, OD, "web-1"));
      HandPlan plan =
          HandPlan.of(request).launch("n0", "general", "m5.xlarge", A, OD, "web-0", "web-1");
      assertThat(check(request, plan).hostPorts())
          .containsExactly("default/web-0 and default/web-1 both bind host ports [8080/TCP] on n0");
    }

    @Test
    void aDaemonSetsHostPortCounts() {
      PlanRequest request =
          general()
              .pods(PodBuilder.app("web").requests("1", "1Gi").hostPort("9100/TCP").replicas(1))
              .daemonSet(
                  "exporter",
                  PodBuilder.app("exporter").requests("10m", "10Mi").hostPort("9100/TCP").one())
              .build();
      HandPlan plan = HandPlan.of(request).launch("n0", "general", "m5.large", A, OD, "web-0");
      assertThat(check(request, plan).hostPorts())
          .containsExactly(
              "DaemonSet exporter and default/web-0 both bind host ports [9100/TCP] on n0");
    }
  }

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
