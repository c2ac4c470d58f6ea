package io.flotilla.catalog.pricing;

import static io.flotilla.catalog.pricing.TestTypes.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Devices;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.catalog.PriceSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpotPriceModelTest {
  private static final List<ZoneAlias> ZONES =
      List.of(
          new ZoneAlias("zone-a", "az1"),
          new ZoneAlias("zone-b", "az2"),
          new ZoneAlias("zone-c", "az3"));
  private static final List<String> IDS = List.of("az1", "az2", "az3");

  private final InstanceType m5 = type("m5.large", 0.096);
  private final InstanceType unpriced = type("m5.metal", null);
  private final InstanceType c9g = type("c9g.large", 0.1);
  private final List<SpotPriceRow> observed =
      List.of(
          new SpotPriceRow("az1", "m5.large", 0.03),
          new SpotPriceRow("az2", "m5.large", 0.01),
          new SpotPriceRow("az1", "c5.large", 0.02),
          new SpotPriceRow("az2", "c5.large", 0.02),
          new SpotPriceRow("az3", "t2.micro", 0.004));

  private SpotPriceModel model(List<InstanceType> types) {
    SpotAdvice advice =
        new SpotAdvice(
            types,
            Map.of("m5.large", new AdvisorRow("m5.large", 50, InterruptionBand.UNDER_5, "x")));
    return new SpotPriceModel(
        ZONES,
        advice,
        new ZoneSpread(IDS, types, observed),
        new ZoneAvailability(IDS, types, observed));
  }

  @Test
  void spotIsOnDemandTimesOneMinusSavingsTimesTheZoneFactor() {
    assertThat(SpotPriceModel.spotPrice(0.192, new SpotSavings(68, Derivation.PUBLISHED), 1.0))
        .isEqualTo(0.06144);
    assertThat(SpotPriceModel.spotPrice(0.192, new SpotSavings(68, Derivation.PUBLISHED), 1.1))
        .isEqualTo(0.067584);
  }

  @Test
  void zeroSavingsIsNoDiscountWhateverTheZone() {
    assertThat(SpotPriceModel.spotPrice(0.051, new SpotSavings(0, Derivation.PUBLISHED), 0.8))
        .isEqualTo(0.051);
  }

  @Test
  void negativePublishedSavingsAreNoDiscountEither() {
    assertThat(SpotPriceModel.spotPrice(0.051, new SpotSavings(-62, Derivation.PUBLISHED), 1.0))
        .isEqualTo(0.051);
  }

  @Test
  void spotIsCappedAtOnDemand() {
    assertThat(SpotPriceModel.spotPrice(0.1, new SpotSavings(10, Derivation.PUBLISHED), 1.5))
        .isEqualTo(0.1);
  }

  @Test
  void eachOfferingZoneGetsAPublishedOnDemandAndAModelledSpotOfferingWithTheBand() {
    SpotPriceModel model = model(List.of(m5, unpriced, c9g));

    // m5 was observed in az1 and az2 only, so zone-c does not offer it.
    assertThat(model.offerings(m5))
        .containsExactly(
            new Offering(m5, "zone-a", CapacityType.ON_DEMAND, 0.096, null, PriceSource.PUBLISHED),
            new Offering(
                m5,
                "zone-a",
                CapacityType.SPOT,
                0.072,
                InterruptionBand.UNDER_5,
                PriceSource.MODELLED),
            new Offering(m5, "zone-b", CapacityType.ON_DEMAND, 0.096, null, PriceSource.PUBLISHED),
            new Offering(
                m5,
                "zone-b",
                CapacityType.SPOT,
                0.024,
                InterruptionBand.UNDER_5,
                PriceSource.MODELLED));
    assertThat(model.offerings(unpriced)).isEmpty();
  }

  @Test
  void aFamilyNeverObservedIsOfferedWhereAtLeastHalfTheBestZonesFamiliesWereSeen() {
    // az1 and az2 saw two families (m5, c5), az3 one (t2): half of two is one, so all three.
    assertThat(model(List.of(m5, c9g)).offerings(c9g))
        .extracting(Offering::zone)
        .containsExactly("zone-a", "zone-a", "zone-b", "zone-b", "zone-c", "zone-c");
  }

  @Test
  void aBurstableTypeWithoutABaselineIsNotOffered() {
    InstanceType t1 = burstable("t1.micro", null);
    InstanceType t2 = burstable("t2.micro", 0.1);
    SpotPriceModel model = model(List.of(m5, t1, t2));

    assertThat(SpotPriceModel.offerable(t1)).isFalse();
    assertThat(model.offerings(t1)).isEmpty();
    assertThat(model.offerings(t2)).extracting(Offering::zone).containsOnly("zone-c");
  }

  private static InstanceType burstable(String name, Double baseline) {
    InstanceType t = type(name, 0.01);
    return new InstanceType(
        t.name(),
        t.family(),
        "t",
        t.generation(),
        t.size(),
        t.vcpu(),
        t.memoryMiB(),
        t.arch(),
        t.cpuManufacturer(),
        t.gpu(),
        t.localNvmeGb(),
        t.networkBandwidthMbps(),
        t.hypervisor(),
        t.maxEnis(),
        t.ipv4PerEni(),
        t.maxPods(),
        t.onDemandPrice(),
        Devices.NONE,
        baseline);
  }
}
