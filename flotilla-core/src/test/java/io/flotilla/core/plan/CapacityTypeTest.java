package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spot before on-demand where a pool allows both; a pod can still insist on on-demand. */
class CapacityTypeTest {
  private static final String CAPACITY = WellKnownLabels.CAPACITY_TYPE;

  @Test
  void aPoolAllowingSpotAndOnDemandLaunchesSpot() {
    var result =
        Planning.request()
            .pool(pool("mixed", 10).require(CAPACITY, "spot", "on-demand"))
            .pods(app("web").requests("1", "2Gi").replicas(6))
            .plan();

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.capacityType() == CapacityType.SPOT);
    assertThat(result.newNodes()).allMatch(n -> n.labels().get(CAPACITY).equals("spot"));
  }

  @Test
  void aPoolWithoutACapacityRequirementAlsoPrefersSpot() {
    var result =
        Planning.request()
            .pool(pool("open", 10))
            .pods(app("web").requests("1", "2Gi").replicas(2))
            .plan();

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.capacityType() == CapacityType.SPOT);
  }

  @Test
  void aPodSelectingOnDemandGetsOnDemandInAPoolThatAllowsBoth() {
    var result =
        Planning.request()
            .pool(pool("mixed", 10).require(CAPACITY, "spot", "on-demand"))
            .pods(
                app("jobmanager")
                    .requests("1", "2Gi")
                    .nodeSelector(CAPACITY, "on-demand")
                    .replicas(1))
            .pods(app("taskmanager").requests("1", "2Gi").replicas(2))
            .plan();

    assertThat(result.nodeOf("jobmanager-0").capacityType()).isEqualTo(CapacityType.ON_DEMAND);
    assertThat(result.nodeOf("taskmanager-0").capacityType()).isEqualTo(CapacityType.SPOT);
    assertThat(result.nodeOf("taskmanager-1").capacityType()).isEqualTo(CapacityType.SPOT);
  }

  @Test
  void aPodExcludingSpotWithNotInGetsOnDemand() {
    var result =
        Planning.request()
            .pool(pool("mixed", 10))
            .pods(
                app("db")
                    .requests("1", "2Gi")
                    .require(Requirement.of(CAPACITY, Operator.NOT_IN, List.of("spot")))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("db-0").capacityType()).isEqualTo(CapacityType.ON_DEMAND);
  }

  @Test
  void anOnDemandOnlyPoolLaunchesOnDemand() {
    var result =
        Planning.request()
            .pool(pool("od", 10).require(CAPACITY, "on-demand"))
            .pods(app("web").requests("1", "2Gi").replicas(2))
            .plan();

    assertThat(result.newNodes())
        .isNotEmpty()
        .allMatch(n -> n.capacityType() == CapacityType.ON_DEMAND);
  }

  @Test
  void anOnDemandPodSkipsAHigherWeightSpotOnlyPool() {
    var result =
        Planning.request()
            .pool(pool("spot", 100).require(CAPACITY, "spot"))
            .pool(pool("on-demand", 10).require(CAPACITY, "on-demand"))
            .pods(
                app("jobmanager")
                    .requests("1", "2Gi")
                    .nodeSelector(CAPACITY, "on-demand")
                    .replicas(1))
            .pods(app("taskmanager").requests("1", "2Gi").replicas(1))
            .plan();

    assertThat(result.nodeOf("jobmanager-0").nodePool()).isEqualTo("on-demand");
    assertThat(result.nodeOf("taskmanager-0").nodePool()).isEqualTo("spot");
  }

  @Test
  void theSpotOfferingChosenIsTheCheapestOfItsType() {
    var result =
        Planning.request()
            .pool(pool("mixed", 10).require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge"))
            .pods(app("web").requests("3", "8Gi").replicas(1))
            .plan();

    PlannedNode node = result.nodeOf("web-0");
    double cheapest =
        Planning.CATALOG.offerings("m5.xlarge").stream()
            .filter(o -> o.capacityType() == CapacityType.SPOT)
            .mapToDouble(o -> o.pricePerHour())
            .min()
            .orElseThrow();
    assertThat(node.pricePerHour()).isEqualTo(cheapest);
  }

  @Test
  void aPreferenceForOnDemandIsHonouredInAPoolThatAllowsBoth() {
    var result =
        Planning.request()
            .pool(pool("mixed", 10))
            .pods(
                app("jobmanager")
                    .requests("1", "2Gi")
                    .prefer(10, Requirement.in(CAPACITY, "on-demand"))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("jobmanager-0").capacityType()).isEqualTo(CapacityType.ON_DEMAND);
  }
}
