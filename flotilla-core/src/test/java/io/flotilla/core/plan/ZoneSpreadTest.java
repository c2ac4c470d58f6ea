package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hard zone spread: counts of matching pods per zone differ by at most maxSkew. */
class ZoneSpreadTest {
  private static final String ZONE = WellKnownLabels.ZONE;

  @Test
  void sixPodsWithMaxSkewOneLandTwoPerZone() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("500m", "512Mi").spread(ZONE, 1, null).replicas(6))
            .plan();

    assertThat(result.countBy(ZONE))
        .containsOnly(
            Map.entry("us-east-1a", 2), Map.entry("us-east-1b", 2), Map.entry("us-east-1c", 2));
  }

  @Test
  void anUnevenCountStaysWithinMaxSkew() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("500m", "512Mi").spread(ZONE, 1, null).replicas(7))
            .plan();

    assertThat(result.placed()).isEqualTo(7);
    assertThat(skew(result.countBy(ZONE), 3)).isLessThanOrEqualTo(1);
  }

  @Test
  void aPoolLimitedToTwoZonesSpreadsOverThoseTwo() {
    var result =
        Planning.request()
            .pool(pool("ab", 10).require(ZONE, "us-east-1a", "us-east-1b"))
            .pods(app("web").requests("500m", "512Mi").spread(ZONE, 1, null).replicas(4))
            .plan();

    assertThat(result.countBy(ZONE))
        .containsOnly(Map.entry("us-east-1a", 2), Map.entry("us-east-1b", 2));
  }

  @Test
  void aZoneOnlyANodeWithAnUntoleratedTaintHasStillCountsForTheSkew() {
    // nodeTaintsPolicy defaults to Ignore: the tainted node's zone is a domain with 0 pods, so
    // after one pod in each reachable zone the third would make a skew of 2 and stays pending.
    var result =
        Planning.request()
            .pool(pool("ab", 10).require(ZONE, "us-east-1a", "us-east-1b"))
            .node(
                ExistingNodes.node(
                    "old",
                    "m5.large",
                    "us-east-1c",
                    null,
                    List.of(new Taint("dedicated", "batch", Effect.NO_SCHEDULE)),
                    false))
            .pods(app("web").requests("500m", "512Mi").spread(ZONE, 1, null).replicas(3))
            .plan();

    assertThat(result.countBy(ZONE))
        .containsOnly(Map.entry("us-east-1a", 1), Map.entry("us-east-1b", 1));
    assertThat(result.plan().unschedulable()).hasSize(1);
  }

  @Test
  void aZoneOnlyAPreferenceRulesOutStillCountsForTheSkew() {
    // The arm64 pool has no us-east-1c, but the pods only prefer arm64: the scheduler counts
    // us-east-1c (the amd64 pool reaches it), so the pods spread over all three zones.
    var result =
        Planning.request()
            .pool(
                pool("arm", 10)
                    .require(WellKnownLabels.ARCH, "arm64")
                    .require(ZONE, "us-east-1a", "us-east-1b"))
            .pool(pool("amd", 10).require(WellKnownLabels.ARCH, "amd64"))
            .pods(
                app("web")
                    .requests("500m", "512Mi")
                    .prefer(50, Requirement.in(WellKnownLabels.ARCH, "arm64"))
                    .spread(ZONE, 1, null)
                    .replicas(6))
            .plan();

    assertThat(result.countBy(ZONE))
        .containsOnly(
            Map.entry("us-east-1a", 2), Map.entry("us-east-1b", 2), Map.entry("us-east-1c", 2));
    assertThat(result.nodeOf("web-0").arch()).isEqualTo("arm64");
  }

  @Test
  void aLargerMaxSkewAllowsALargerDifference() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("500m", "512Mi").spread(ZONE, 2, null).replicas(5))
            .plan();

    assertThat(result.placed()).isEqualTo(5);
    assertThat(skew(result.countBy(ZONE), 3)).isLessThanOrEqualTo(2);
  }

  @Test
  void minDomainsAboveTheZonesAvailableCapsEachZoneAtMaxSkew() {
    // 3 zones < minDomains 5: the global minimum counts as 0, so each zone takes at most 1 pod.
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("500m", "512Mi").spread(ZONE, 1, 5).replicas(6))
            .plan();

    assertThat(result.countBy(ZONE)).hasSize(3).allSatisfy((zone, n) -> assertThat(n).isEqualTo(1));
    assertThat(result.plan().unschedulable()).hasSize(3);
    assertThat(result.plan().unschedulable())
        .allSatisfy(u -> assertThat(u.reason()).contains("minDomains"));
  }

  @Test
  void minDomainsWithinTheZonesAvailableChangesNothing() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("500m", "512Mi").spread(ZONE, 1, 3).replicas(6))
            .plan();

    assertThat(result.placed()).isEqualTo(6);
    assertThat(skew(result.countBy(ZONE), 3)).isZero();
  }

  @Test
  void podsAlreadyBoundInAZoneCount() {
    // Two web pods already run in us-east-1a: the next four go to b and c.
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-a", "m5.xlarge", "us-east-1a", null, List.of(), true))
            .pool(pool("any", 10))
            .pod(app("web").requests("500m", "512Mi").boundTo("old-a").build(10))
            .pod(app("web").requests("500m", "512Mi").boundTo("old-a").build(11))
            .pods(app("web").requests("500m", "512Mi").spread(ZONE, 1, null).replicas(4))
            .plan();

    assertThat(result.countBy(ZONE))
        .containsOnly(Map.entry("us-east-1b", 2), Map.entry("us-east-1c", 2));
  }

  @Test
  void aPodsZoneSelectorLimitsTheZonesItSpreadsOver() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(
                app("web")
                    .requests("500m", "512Mi")
                    .require(Requirement.in(ZONE, "us-east-1b", "us-east-1c"))
                    .spread(ZONE, 1, null)
                    .replicas(4))
            .plan();

    assertThat(result.countBy(ZONE))
        .containsOnly(Map.entry("us-east-1b", 2), Map.entry("us-east-1c", 2));
  }

  @Test
  void whenAZoneCannotTakeItsShareTheOthersStayWithinMaxSkewOfIt() {
    // Zone a only has room for one pod (one node, one pod per node): b and c may hold 2 each.
    var result =
        Planning.request()
            .pool(pool("zone-a", 100).require(ZONE, "us-east-1a").maxNodes(1))
            .pool(pool("zone-bc", 100).require(ZONE, "us-east-1b", "us-east-1c"))
            .pods(
                app("web")
                    .requests("500m", "512Mi")
                    .antiAffinity("web", WellKnownLabels.HOSTNAME)
                    .spread(ZONE, 1, null)
                    .replicas(9))
            .plan();

    assertThat(result.countBy(ZONE))
        .containsOnly(
            Map.entry("us-east-1a", 1), Map.entry("us-east-1b", 2), Map.entry("us-east-1c", 2));
    assertThat(result.plan().unschedulable()).hasSize(4);
  }

  @Test
  // spread")
  void pendingPodsMatchingTheSelectorWithoutTheConstraintAlsoCount() {
    // canary pods carry app=web but no spread of their own; kube-scheduler counts them anyway.
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("500m", "512Mi").spread(ZONE, 1, null).replicas(3))
            .pods(app("canary").label("app", "web").requests("600m", "512Mi").replicas(3))
            .plan();

    assertThat(result.placed()).isEqualTo(6);
    assertThat(skew(result.countBy(ZONE), 3)).isLessThanOrEqualTo(1);
  }

  private static int skew(Map<String, Integer> counts, int zones) {
    if (counts.size() < zones) {
      return Collections.max(counts.values());
    }
    return Collections.max(counts.values()) - Collections.min(counts.values());
  }
}
