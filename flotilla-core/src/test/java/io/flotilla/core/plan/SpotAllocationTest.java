package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions.SpotAllocation;
import io.flotilla.core.pod.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first-fit baseline's Spot launch under EC2 Fleet's two allocation strategies, on the real
 * catalog and the reference's arm Spot pool (four Graviton xlarge types in three zones):
 * lowest-price takes the cheapest offering; price-capacity-optimized the cheapest offering of the
 * lowest interruption band among the claim's types. The expected offerings are found here from the
 * catalog's own list, not from the planner's selection code.
 */
class SpotAllocationTest {
  private static final List<String> TYPES =
      List.of("im4gn.xlarge", "m6g.xlarge", "m6gd.xlarge", "t4g.xlarge");
  private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

  /** The Spot Instance Advisor's bands for the four types (us-east-1, the shared data's feed). */
  private static final Map<String, InterruptionBand> BANDS =
      Map.of(
          "im4gn.xlarge", InterruptionBand.UNDER_5,
          "m6g.xlarge", InterruptionBand.OVER_20,
          "m6gd.xlarge", InterruptionBand.OVER_20,
          "t4g.xlarge", InterruptionBand.FROM_10_TO_15);

  private static Catalog catalog;

  @BeforeAll
  static void load() {
    catalog = banded(Ec2TestCatalog.load(), BANDS);
  }

  private static Catalog banded(Catalog all, Map<String, InterruptionBand> bands) {
    List<Offering> offerings = new ArrayList<>();
    for (Offering o : all.offerings()) {
      String type = o.type().name();
      if (TYPES.contains(type)) {
        offerings.add(o.capacityType() == CapacityType.SPOT ? o.withBand(bands.get(type)) : o);
      }
    }
    List<InstanceType> types = offerings.stream().map(Offering::type).distinct().toList();
    return new Catalog("us-east-1", types, offerings);
  }

  @Test
  void lowestPriceLaunchesTheCheapestSpotOffering() {
    Offering expected =
        spotOfferings().stream().min(Comparator.comparingDouble(Offering::pricePerHour)).get();

    PlannedNode node = launchOne(SpotAllocation.LOWEST_PRICE);

    assertThat(node.capacityType()).isEqualTo(CapacityType.SPOT);
    assertThat(node.instanceType() + " " + node.zone())
        .isEqualTo(expected.type().name() + " " + expected.zone());
  }

  @Test
  void priceCapacityOptimizedLaunchesTheCheapestOfferingOfTheLowestBand() {
    List<Offering> offerings = spotOfferings();
    int lowest = offerings.stream().mapToInt(o -> o.band().ordinal()).min().getAsInt();
    Offering expected =
        offerings.stream()
            .filter(o -> o.band().ordinal() == lowest)
            .min(Comparator.comparingDouble(Offering::pricePerHour))
            .get();
    Offering cheapest =
        offerings.stream().min(Comparator.comparingDouble(Offering::pricePerHour)).get();
    // The case is only worth testing where the two strategies part.
    assertThat(expected.band()).isNotEqualTo(cheapest.band());

    PlannedNode node = launchOne(SpotAllocation.PRICE_CAPACITY_OPTIMIZED);

    assertThat(node.capacityType()).isEqualTo(CapacityType.SPOT);
    assertThat(node.instanceType() + " " + node.zone())
        .isEqualTo(expected.type().name() + " " + expected.zone());
    assertThat(node.pricePerHour()).isGreaterThan(cheapest.pricePerHour());
  }

  @Test
  void anOfferingOfUnknownBandComesAfterEveryKnownBand() {
    Map<String, InterruptionBand> bands = new HashMap<>(BANDS);
    bands.put("im4gn.xlarge", null);
    Catalog unknownIm4gn = banded(catalog, bands);
    Offering expected =
        spotOfferings().stream()
            .filter(o -> o.type().name().equals("t4g.xlarge"))
            .min(Comparator.comparingDouble(Offering::pricePerHour))
            .get();

    PlanRequest request =
        request(SpotAllocation.PRICE_CAPACITY_OPTIMIZED).withCatalog(unknownIm4gn);
    Plan plan = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);

    assertThat(plan.newNodes()).hasSize(1);
    assertThat(plan.newNodes().get(0).instanceType() + " " + plan.newNodes().get(0).zone())
        .isEqualTo(expected.type().name() + " " + expected.zone());
  }

  @Test
  void theOptimisedPlannerIgnoresTheAllocationStrategy() {
    PlanRequest request = request(SpotAllocation.PRICE_CAPACITY_OPTIMIZED);
    Plan pco = new Planner(Planner.Strategy.OPTIMIZED).plan(request);
    Plan lowest =
        new Planner(Planner.Strategy.OPTIMIZED)
            .plan(
                request.withOptions(
                    request.options().withSpotAllocation(SpotAllocation.LOWEST_PRICE)));

    assertThat(pco.newNodes()).isEqualTo(lowest.newNodes());
  }

  private static PlannedNode launchOne(SpotAllocation allocation) {
    Plan plan = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request(allocation));
    assertThat(plan.unschedulable()).isEmpty();
    assertThat(plan.newNodes()).hasSize(1);
    return plan.newNodes().get(0);
  }

  private static PlanRequest request(SpotAllocation allocation) {
    NodePool armSpot =
        pool("arm-spot", 100)
            .require(WellKnownLabels.CAPACITY_TYPE, "spot")
            .require(WellKnownLabels.INSTANCE_TYPE, TYPES.toArray(String[]::new))
            .require(WellKnownLabels.ZONE, ZONES.toArray(String[]::new))
            .build();
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      pods.add(app("tm").requests("1", "4Gi").build(i));
    }
    return new PlanRequest(pods, List.of(), List.of(armSpot), List.of(), catalog)
        .withOptions(PlanOptions.DEFAULTS.withSpotAllocation(allocation));
  }

  private static List<Offering> spotOfferings() {
    return catalog.offerings().stream()
        .filter(o -> o.capacityType() == CapacityType.SPOT)
        .filter(o -> TYPES.contains(o.type().name()) && ZONES.contains(o.zone()))
        .toList();
  }
}
