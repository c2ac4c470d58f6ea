package io.flotilla.catalog.pricing;

import static io.flotilla.catalog.pricing.TestTypes.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpotPriceModelTest {
  private static final List<ZoneAlias> ZONES =
      List.of(new ZoneAlias("zone-a", "az1"), new ZoneAlias("zone-b", "az2"));

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
  void everyZoneGetsAnOnDemandAndASpotOffering() {
    InstanceType m5 = type("m5.large", 0.096);
    InstanceType unpriced = type("m5.metal", null);
    SpotAdvice advice =
        new SpotAdvice(
            List.of(m5, unpriced),
            Map.of("m5.large", new AdvisorRow("m5.large", 50, InterruptionBand.UNDER_5, "x")));
    ZoneSpread spread =
        new ZoneSpread(
            List.of("az1", "az2"),
            List.of(m5),
            List.of(
                new SpotPriceRow("az1", "m5.large", 0.03),
                new SpotPriceRow("az2", "m5.large", 0.01)));
    SpotPriceModel model = new SpotPriceModel(ZONES, advice, spread);

    assertThat(model.offerings(m5))
        .containsExactly(
            new Offering(m5, "zone-a", CapacityType.ON_DEMAND, 0.096),
            new Offering(m5, "zone-a", CapacityType.SPOT, 0.072),
            new Offering(m5, "zone-b", CapacityType.ON_DEMAND, 0.096),
            new Offering(m5, "zone-b", CapacityType.SPOT, 0.024));
    assertThat(model.offerings(unpriced)).isEmpty();
  }
}
