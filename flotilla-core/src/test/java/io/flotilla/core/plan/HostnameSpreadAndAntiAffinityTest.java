package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import org.junit.jupiter.api.Test;

/** Per-node rules between pods: hostname spread, hostname anti-affinity, host ports. */
class HostnameSpreadAndAntiAffinityTest {
  private static final String HOST = WellKnownLabels.HOSTNAME;

  @Test
  void hostnameSpreadWithMaxSkewTwoPutsAtMostTwoMatchingPodsOnANode() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("100m", "128Mi").spread(HOST, 2, null).replicas(7))
            .plan();

    assertThat(result.placed()).isEqualTo(7);
    assertThat(result.newNodes())
        .hasSizeGreaterThanOrEqualTo(4)
        .allMatch(n -> n.pods().size() <= 2);
  }

  @Test
  void hostnameSpreadCountsMatchingPodsAlreadyBoundToAnExistingNode() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.4xlarge"))
            .pool(pool("any", 10))
            .pod(app("web").requests("100m", "128Mi").boundTo("old-1").build(99))
            .pods(app("web").requests("100m", "128Mi").spread(HOST, 1, null).replicas(3))
            .plan();

    assertThat(result.existing("old-1").pods()).isEmpty();
    assertThat(result.newNodes()).hasSize(3);
  }

  @Test
  void requiredAntiAffinityOnHostnamePutsOnePodPerNode() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("zk").requests("100m", "128Mi").antiAffinity("zk", HOST).replicas(4))
            .plan();

    assertThat(result.newNodes()).hasSize(4).allMatch(n -> n.pods().size() == 1);
  }

  @Test
  void antiAffinityToAnotherAppKeepsTheTwoAppsApartButNotEachAppsOwnPods() {
    var result =
        Planning.request()
            .pool(pool("any", 10).require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge"))
            .pods(app("web").requests("100m", "128Mi").antiAffinity("batch", HOST).replicas(3))
            .pods(app("batch").requests("100m", "128Mi").replicas(3))
            .plan();

    assertThat(result.newNodes()).hasSize(2);
    assertThat(result.nodeOf("web-0")).isEqualTo(result.nodeOf("web-2"));
    assertThat(result.nodeOf("batch-0")).isEqualTo(result.nodeOf("batch-2"));
    assertThat(result.nodeOf("web-0")).isNotEqualTo(result.nodeOf("batch-0"));
  }

  @Test
  void aPendingPodAvoidsAnExistingNodeHoldingAPodItRepels() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("any", 10))
            .pod(app("db").requests("100m", "128Mi").boundTo("old-1").one())
            .pods(app("web").requests("100m", "128Mi").antiAffinity("db", HOST).replicas(1))
            .pods(app("other").requests("100m", "128Mi").replicas(1))
            .plan();

    assertThat(result.existing("old-1").pods()).containsExactly(new PodId("default", "other-0"));
    assertThat(result.nodeOf("web-0").existing()).isFalse();
  }

  @Test
  void aBoundPodsAntiAffinityAlsoKeepsPendingPodsAway() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("any", 10))
            .pod(
                app("db")
                    .requests("100m", "128Mi")
                    .antiAffinity("web", HOST)
                    .boundTo("old-1")
                    .one())
            .pods(app("web").requests("100m", "128Mi").replicas(2))
            .plan();

    assertThat(result.existing("old-1").pods()).isEmpty();
    assertThat(result.placed()).isEqualTo(2);
  }

  @Test
  void antiAffinityOnlySelectsPodsOfItsOwnNamespace() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("any", 10))
            .pod(app("db").namespace("other").requests("100m", "128Mi").boundTo("old-1").one())
            .pods(app("web").requests("100m", "128Mi").antiAffinity("db", HOST).replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").name()).isEqualTo("old-1");
  }

  @Test
  void twoPodsWithTheSameHostPortNeverShareANode() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("ingress").requests("100m", "128Mi").hostPort("443/TCP").replicas(3))
            .plan();

    assertThat(result.newNodes()).hasSize(3).allMatch(n -> n.pods().size() == 1);
  }

  @Test
  void podsWithDifferentHostPortsMayShareANode() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("a").requests("100m", "128Mi").hostPort("8080/TCP").replicas(1))
            .pods(app("b").requests("100m", "128Mi").hostPort("9090/TCP").replicas(1))
            .plan();

    assertThat(result.newNodes()).hasSize(1);
  }

  @Test
  void aHostPortTakenByABoundPodKeepsPendingPodsOffThatNode() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("any", 10))
            .pod(
                app("old-ingress")
                    .requests("100m", "128Mi")
                    .hostPort("443/TCP")
                    .boundTo("old-1")
                    .one())
            .pods(app("ingress").requests("100m", "128Mi").hostPort("443/TCP").replicas(1))
            .plan();

    assertThat(result.existing("old-1").pods()).isEmpty();
    assertThat(result.nodeOf("ingress-0").existing()).isFalse();
  }

  @Test
  void hostnameSpreadCountsMatchingPodsOfEveryClass() {
    // Two sizes of app=web: together still at most one per node.
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("100m", "128Mi").spread(HOST, 1, null).replicas(2))
            .pods(
                app("web-big")
                    .label("app", "web")
                    .requests("300m", "256Mi")
                    .spread(HOST, 1, null)
                    .replicas(2))
            .plan();

    assertThat(result.newNodes()).hasSize(4).allMatch(n -> n.pods().size() == 1);
  }
}
