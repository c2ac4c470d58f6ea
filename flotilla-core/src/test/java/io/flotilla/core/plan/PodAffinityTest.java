package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Required pod affinity and anti-affinity on hostname, zone or any key, as Karpenter supports. */
class PodAffinityTest {
  private static final String HOSTNAME = WellKnownLabels.HOSTNAME;
  private static final String ZONE = WellKnownLabels.ZONE;

  @Test
  void hostnameAffinityToABoundPodPutsThePodOnThatNode() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.2xlarge"))
            .node(ExistingNodes.node("old-2", "m5.2xlarge"))
            .pod(app("cache").requests("1", "1Gi").boundTo("old-2").one())
            .pool(pool("general", 10))
            .pods(app("web").requests("500m", "1Gi").affinity("cache", HOSTNAME).replicas(2))
            .plan();

    assertThat(result.existing("old-2").pods()).hasSize(2);
    assertThat(result.newNodes()).isEmpty();
  }

  @Test
  void hostnameAffinityToPendingPodsJoinsTheirNode() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("cache").requests("1", "2Gi").replicas(1))
            .pods(app("web").requests("250m", "256Mi").affinity("cache", HOSTNAME).replicas(2))
            .plan();

    PlannedNode cacheNode = result.nodeOf("cache-0");
    assertThat(result.nodeOf("web-0")).isEqualTo(cacheNode);
    assertThat(result.nodeOf("web-1")).isEqualTo(cacheNode);
  }

  @Test
  void selfAffinityOnHostnamePutsTheWholeWorkloadOnOneNode() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("gang").requests("1", "1Gi").affinity("gang", HOSTNAME).replicas(5))
            .plan();

    assertThat(result.placed()).isEqualTo(5);
    assertThat(result.newNodes()).hasSize(1);
    assertThat(result.newNodes().get(0).pods()).hasSize(5);
  }

  @Test
  void affinityToPodsThatDoNotExistIsUnschedulableWithThatReason() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("web").requests("1", "1Gi").affinity("ghost", ZONE).replicas(1))
            .plan();

    assertThat(result.reason("web-0")).contains("pod affinity").contains("no pod matches");
  }

  @Test
  void selfAntiAffinityOnZonePutsOnePodPerZone() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("db").requests("1", "1Gi").antiAffinity("db", ZONE).replicas(4))
            .plan();

    assertThat(result.placed()).isEqualTo(3);
    assertThat(result.countBy(ZONE).values()).containsOnly(1);
    assertThat(result.reason("db-3")).contains("anti-affinity").contains(ZONE);
  }

  @Test
  void antiAffinityOnZoneKeepsTwoAppsInDifferentZones() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("a").requests("1", "1Gi").antiAffinity("b", ZONE).replicas(2))
            .pods(app("b").requests("1", "1Gi").replicas(3))
            .plan();

    List<String> zonesOfA = List.of(result.nodeOf("a-0").zone(), result.nodeOf("a-1").zone());
    for (int i = 0; i < 3; i++) {
      assertThat(zonesOfA).doesNotContain(result.nodeOf("b-" + i).zone());
    }
  }

  @Test
  void antiAffinityOnZoneAvoidsTheZoneOfABoundPod() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.2xlarge"))
            .pod(app("b").requests("1", "1Gi").boundTo("old-1").one())
            .pool(pool("general", 10))
            .pods(app("a").requests("1", "1Gi").antiAffinity("b", ZONE).replicas(3))
            .plan();

    for (int i = 0; i < 3; i++) {
      assertThat(result.nodeOf("a-" + i).zone()).isNotEqualTo("us-east-1a");
    }
  }

  @Test
  void zoneAffinityToABoundPodKeepsPodsInItsZone() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.large", "us-east-1b", null, List.of(), false))
            .pod(app("cache").requests("1", "1Gi").boundTo("old-1").one())
            .pool(pool("general", 10))
            .pods(app("web").requests("1", "2Gi").affinity("cache", ZONE).replicas(4))
            .plan();

    assertThat(result.placed()).isEqualTo(4);
    assertThat(result.countBy(ZONE)).containsOnlyKeys("us-east-1b");
  }

  @Test
  void selfAffinityOnZonePutsTheWorkloadInOneZone() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("web").requests("1", "2Gi").affinity("web", ZONE).replicas(9))
            .plan();

    assertThat(result.placed()).isEqualTo(9);
    assertThat(result.countBy(ZONE)).hasSize(1);
  }

  @Test
  void selfAffinityOnHostnameWithAHostPortPlacesOnlyTheFirstPod() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(
                app("gang")
                    .requests("1", "1Gi")
                    .hostPort("8080/TCP")
                    .affinity("gang", HOSTNAME)
                    .replicas(3))
            .plan();

    assertThat(result.placed()).isEqualTo(1);
    assertThat(result.reason("gang-1")).contains("share one node").contains("only 1");
    assertBaselineKeepsTheConstraints(result.request());
  }

  @Test
  void selfAffinityAndSelfAntiAffinityOnHostnamePlacesOnlyTheFirstPod() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(
                app("gang")
                    .requests("1", "1Gi")
                    .antiAffinity("gang", HOSTNAME)
                    .affinity("gang", HOSTNAME)
                    .replicas(4))
            .plan();

    assertThat(result.placed()).isEqualTo(1);
    assertThat(result.reason("gang-3")).contains("share one node");
    assertBaselineKeepsTheConstraints(result.request());
  }

  @Test
  void zoneAffinityToPodsThatEndUpUnschedulableTakesTheFollowersBack() {
    // The sidecars must join a db pod's node, but no node may run the arm64-only db image; the
    // web pods were pinned to the sidecars' zone and have nothing to follow there.
    var result =
        Planning.request()
            .pool(pool("general", 10).require(WellKnownLabels.ARCH, "amd64"))
            .pods(app("db").requests("1", "1Gi").images("arm64").replicas(1))
            .pods(app("sidecar").requests("250m", "256Mi").affinity("db", HOSTNAME).replicas(2))
            .pods(app("web").requests("1", "1Gi").affinity("sidecar", ZONE).replicas(3))
            .plan();

    assertThat(result.placed()).isZero();
    assertThat(result.reason("web-0")).contains("pod affinity").contains(ZONE);
    assertBaselineKeepsTheConstraints(result.request());
  }

  @Test
  void roomFreedOnAnExistingNodeByPodsTakenBackIsUsedAgain() {
    // The big pods follow the sidecars into a zone and fill the existing node first; the sidecars
    // find no db pod to join, so the big pods are taken back. Planned again without them, the web
    // pod takes the room they leave instead of a new node.
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge", "us-east-1a", null, List.of(), false))
            .pool(pool("general", 10).require(WellKnownLabels.ARCH, "amd64"))
            .pods(app("db").requests("1", "1Gi").images("arm64").replicas(1))
            .pods(app("sidecar").requests("250m", "256Mi").affinity("db", HOSTNAME).replicas(1))
            .pods(app("big").requests("3", "4Gi").affinity("sidecar", ZONE).replicas(1))
            .pods(app("web").requests("2", "2Gi").replicas(1))
            .plan();

    assertThat(result.reason("big-0")).contains("pod affinity");
    assertThat(result.nodeOf("web-0").name()).isEqualTo("old-1");
    assertThat(result.newNodes()).isEmpty();
  }

  private static void assertBaselineKeepsTheConstraints(PlanRequest request) {
    Plan firstFit = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);
    assertThat(PlanInvariants.constraintViolations(request, firstFit)).isEmpty();
  }

  @Test
  void podsJoiningTheirTargetsNodeKeepTheirHostnameSpread() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("cache").requests("1", "2Gi").replicas(1))
            .pods(
                app("web")
                    .requests("250m", "256Mi")
                    .affinity("cache", HOSTNAME)
                    .spread(HOSTNAME, 1, null)
                    .replicas(3))
            .plan();

    assertThat(result.placed()).isEqualTo(2);
    assertThat(result.nodeOf("web-0")).isEqualTo(result.nodeOf("cache-0"));
    assertThat(result.reason("web-1")).contains("pod affinity");
    assertBaselineKeepsTheConstraints(result.request());
  }

  @Test
  void podsJoiningTheirTargetsNodeAvoidTheHostPortOfADaemonSetThere() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .daemonSet("agent", app("agent").requests("100m", "128Mi").hostPort("8080/TCP").one())
            .pods(app("cache").requests("1", "2Gi").replicas(1))
            .pods(
                app("web")
                    .requests("250m", "256Mi")
                    .hostPort("8080/TCP")
                    .affinity("cache", HOSTNAME)
                    .replicas(1))
            .plan();

    assertThat(result.placed()).isEqualTo(1);
    assertThat(result.reason("web-0")).contains("pod affinity");
    assertBaselineKeepsTheConstraints(result.request());
  }
}
