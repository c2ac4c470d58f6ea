package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.Planning;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Topology domains come from what the pools can launch (their requirements), not from the offerings
 * left after the Spot-first preference; maxSkew above 1 is a looser constraint.
 */
class TopologyDomainsTest {
  private static final String CT = WellKnownLabels.CAPACITY_TYPE;
  private static final String ZONE = WellKnownLabels.ZONE;
  private static final String SPREAD = "capacity-spread";

  @Test
  void karpentersSpotRatioPatternPutsTwoOfTenPodsOnOnDemand() {
    var result =
        Planning.request()
            .pool(pool("spot", 0).require(CT, "spot").require(SPREAD, "2", "3", "4", "5"))
            .pool(pool("on-demand", 0).require(CT, "on-demand").require(SPREAD, "1"))
            .pods(app("api").requests("1", "1Gi").spread(SPREAD, 1, null).replicas(10))
            .plan();

    assertThat(result.countBy(CT)).containsOnly(Map.entry("on-demand", 2), Map.entry("spot", 8));
    assertThat(result.countBy(SPREAD))
        .containsOnly(
            Map.entry("1", 2),
            Map.entry("2", 2),
            Map.entry("3", 2),
            Map.entry("4", 2),
            Map.entry("5", 2));
  }

  @Test
  void aNodeLaunchedUnderAMultiValuedCustomRequirementCarriesOneOfItsValues() {
    var result =
        Planning.request()
            .pool(pool("spot", 0).require(CT, "spot").require(SPREAD, "2", "3"))
            .pods(app("api").requests("1", "1Gi").replicas(2))
            .plan();

    assertThat(result.newNodes())
        .allSatisfy(n -> assertThat(n.labels().get(SPREAD)).isIn("2", "3"));
  }

  @Test
  void aSpreadOverCapacityTypeInAPoolAllowingBothSplitsThePods() {
    var result =
        Planning.request()
            .pool(pool("mixed", 0).require(CT, "spot", "on-demand"))
            .pods(app("api").requests("1", "1Gi").spread(CT, 1, null).replicas(4))
            .plan();

    assertThat(result.countBy(CT)).containsOnly(Map.entry("on-demand", 2), Map.entry("spot", 2));
  }

  @Test
  void withoutASpreadAPoolAllowingBothStaysOnSpot() {
    var result =
        Planning.request()
            .pool(pool("mixed", 0).require(CT, "spot", "on-demand"))
            .pods(app("api").requests("1", "1Gi").replicas(4))
            .plan();

    assertThat(result.countBy(CT)).containsOnly(Map.entry("spot", 4));
  }

  @Test
  void aLooseMaxSkewCostsNoMoreThanNoSpreadWhereTheSkewAllowsIt() {
    // 12 one-cpu pods over three zones: 7/3/2 (skew 5) packs like no spread at all.
    var spread =
        Planning.request()
            .pool(pool("od", 0).require(CT, "on-demand"))
            .pods(app("api").requests("1", "1Gi").spread(ZONE, 5, null).replicas(12))
            .plan();
    var free =
        Planning.request()
            .pool(pool("od", 0).require(CT, "on-demand"))
            .pods(app("api").requests("1", "1Gi").replicas(12))
            .plan();

    assertThat(spread.plan().newCostPerHour())
        .isLessThanOrEqualTo(free.plan().newCostPerHour() + 1e-9);
    assertThat(spread.placed()).isEqualTo(12);
  }

  @Test
  void maxSkewOneStillSplitsEvenly() {
    var result =
        Planning.request()
            .pool(pool("od", 0).require(CT, "on-demand"))
            .pods(app("api").requests("1", "1Gi").spread(ZONE, 1, null).replicas(12))
            .plan();

    assertThat(result.countBy(ZONE).values()).containsOnly(4);
  }

  @Test
  void twoSpreadsOnOnePodAreBothHonoured() {
    var result =
        Planning.request()
            .pool(pool("mixed", 0).require(CT, "spot", "on-demand"))
            .pods(
                app("api")
                    .requests("1", "1Gi")
                    .spread(ZONE, 1, null)
                    .spread(CT, 1, null)
                    .replicas(6))
            .plan();

    assertThat(result.placed()).isEqualTo(6);
    assertThat(result.countBy(ZONE).values()).containsOnly(2);
    assertThat(result.countBy(CT).values()).containsOnly(3);
  }

  @Test
  void theBaselinesNodesCarryTheCustomValueTheirPodsSpreadOver() {
    PlanRequest request =
        Planning.request()
            .pool(pool("spot", 0).require(CT, "spot").require(SPREAD, "2", "3", "4", "5"))
            .pool(pool("on-demand", 0).require(CT, "on-demand").require(SPREAD, "1"))
            .pods(app("api").requests("1", "1Gi").spread(SPREAD, 1, null).replicas(10))
            .build();
    var result =
        new Planning.Result(
            request, new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request));

    assertThat(PlanInvariants.constraintViolations(request, result.plan())).isEmpty();
    assertThat(result.newNodes()).allSatisfy(n -> assertThat(n.labels()).containsKey(SPREAD));
    assertThat(result.countBy(SPREAD).values()).containsOnly(2);
  }

  @Test
  void aDomainAnEarlierSpreadPinsThePodsAwayFromStillBoundsTheirCount() {
    // Capacity type first: the on-demand half may only use capacity-spread 1, yet values 2 to 5
    // count for its skew, so it cannot put three pods there while one of them holds none.
    var result =
        Planning.request()
            .pool(pool("spot", 0).require(CT, "spot").require(SPREAD, "2", "3", "4", "5"))
            .pool(pool("on-demand", 0).require(CT, "on-demand").require(SPREAD, "1"))
            .pods(
                app("api")
                    .requests("1", "1Gi")
                    .spread(CT, 1, null)
                    .spread(SPREAD, 1, null)
                    .replicas(6))
            .plan();

    assertThat(result.countBy(SPREAD).values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
    assertThat(result.plan().unschedulable())
        .isNotEmpty()
        .allSatisfy(u -> assertThat(u.reason()).contains("topology spread"))
        .anySatisfy(u -> assertThat(u.reason()).contains("other spreads keep it from"));
  }
}
