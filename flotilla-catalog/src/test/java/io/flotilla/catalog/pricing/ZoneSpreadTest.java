package io.flotilla.catalog.pricing;

import static io.flotilla.catalog.pricing.TestTypes.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.core.catalog.InstanceType;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ZoneSpreadTest {
  private static final Offset<Double> EXACT = within(1e-12);
  private static final List<String> ZONES = List.of("az1", "az2", "az3", "az4");
  private final InstanceType m5Large = type("m5.large", 0.096);
  private final InstanceType m5Xlarge = type("m5.xlarge", 0.192);
  private final InstanceType m5Metal = type("m5.metal", 4.6);
  private final InstanceType c5Large = type("c5.large", 0.085);
  private final ZoneSpread spread =
      new ZoneSpread(
          ZONES,
          List.of(m5Large, m5Xlarge, m5Metal, c5Large),
          List.of(
              new SpotPriceRow("az1", "m5.large", 0.03),
              new SpotPriceRow("az2", "m5.large", 0.05),
              new SpotPriceRow("az9", "m5.large", 0.50),
              new SpotPriceRow("az3", "m5.metal", 1.0),
              new SpotPriceRow("az1", "c5.large", 0.02)));

  @Test
  void observedZonesArePricedRelativeToTheTypesMeanAndTheMeanIsOne() {
    // raw: az1 0.75, az2 1.25, az3/az4 have no family observation -> 1.0; mean 1.0
    assertThat(spread.factors(m5Large, ZONES))
        .containsExactly(new double[] {0.75, 1.25, 1.0, 1.0}, EXACT);
    assertThat(Arrays.stream(spread.factors(m5Large, ZONES)).average().orElseThrow())
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void unobservedTypesTakeTheFamilyMedianPerZone() {
    assertThat(spread.observed("m5.xlarge")).isFalse();
    assertThat(spread.factors(m5Xlarge, ZONES))
        .containsExactly(new double[] {0.75, 1.25, 1.0, 1.0}, EXACT);
  }

  @Test
  void aTypeSeenInOneZoneCarriesNoSpread() {
    assertThat(spread.observed("m5.metal")).isFalse();
    assertThat(spread.observed("c5.large")).isFalse();
    assertThat(spread.factors(c5Large, ZONES))
        .containsExactly(new double[] {1.0, 1.0, 1.0, 1.0}, EXACT);
  }

  @Test
  void factorsAreRenormalisedToAMeanOfOneWhenFilledFromTheFamily() {
    ZoneSpread partial =
        new ZoneSpread(
            ZONES,
            List.of(m5Large, m5Xlarge),
            List.of(
                new SpotPriceRow("az1", "m5.large", 0.02),
                new SpotPriceRow("az2", "m5.large", 0.06),
                new SpotPriceRow("az1", "m5.xlarge", 0.10),
                new SpotPriceRow("az3", "m5.xlarge", 0.30)));
    // m5.xlarge: own az1 0.5, family az2 1.5, own az3 1.5, nothing for az4 1.0; mean 1.125
    double[] expected = {0.5 / 1.125, 1.5 / 1.125, 1.5 / 1.125, 1.0 / 1.125};
    assertThat(partial.factors(m5Xlarge, ZONES)).containsExactly(expected, EXACT);
  }

  @Test
  void factorsAreNormalisedOverTheZonesOfferingTheTypeOnly() {
    // m5.large raw: az1 0.75, az2 1.25, az4 1.0; offered in az1 and az4 only: mean 0.875
    double[] factors = spread.factors(m5Large, List.of("az1", "az4"));
    assertThat(factors).containsExactly(new double[] {0.75 / 0.875, 1.0 / 0.875}, EXACT);
    assertThat(Arrays.stream(factors).average().orElseThrow()).isCloseTo(1.0, within(1e-12));
  }
}
