package io.flotilla.core.testing.check;

import static io.flotilla.core.testing.check.InvariantCases.A;
import static io.flotilla.core.testing.check.InvariantCases.B;
import static io.flotilla.core.testing.check.InvariantCases.C;
import static io.flotilla.core.testing.check.InvariantCases.HOST;
import static io.flotilla.core.testing.check.InvariantCases.OD;
import static io.flotilla.core.testing.check.InvariantCases.ZONE;
import static io.flotilla.core.testing.check.InvariantCases.assertSound;
import static io.flotilla.core.testing.check.InvariantCases.check;
import static io.flotilla.core.testing.check.InvariantCases.general;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Pod (anti-)affinity and host ports: sound plans pass, broken ones are reported. */
class PodRelationInvariantsTest {
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
}
