package io.flotilla.core.testing.check;

import static io.flotilla.core.testing.check.InvariantCases.A;
import static io.flotilla.core.testing.check.InvariantCases.B;
import static io.flotilla.core.testing.check.InvariantCases.C;
import static io.flotilla.core.testing.check.InvariantCases.DEDICATED;
import static io.flotilla.core.testing.check.InvariantCases.HOST;
import static io.flotilla.core.testing.check.InvariantCases.OD;
import static io.flotilla.core.testing.check.InvariantCases.ZONE;
import static io.flotilla.core.testing.check.InvariantCases.assertSound;
import static io.flotilla.core.testing.check.InvariantCases.check;
import static io.flotilla.core.testing.check.InvariantCases.general;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PodBuilder;
import io.flotilla.core.testing.PoolBuilder;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hard topology spread: sound spreads pass, skewed ones are reported. */
class SpreadInvariantsTest {
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
}
