package io.flotilla.catalog.pricing;

import static io.flotilla.catalog.pricing.TestTypes.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.flotilla.core.catalog.InstanceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneAvailabilityTest {
  private static final List<String> ZONES = List.of("az1", "az2", "az3", "az4");
  private final InstanceType m5Large = type("m5.large", 0.096);
  private final InstanceType m5Xlarge = type("m5.xlarge", 0.192);
  private final InstanceType t2Micro = type("t2.micro", 0.0116);
  private final InstanceType c9gLarge = type("c9g.large", 0.07);

  // Families seen: az1 m5 c5 r5 t2 (4), az2 m5 c5 r5 (3), az3 t2 (1), az4 m5 c5 (2); az9 is
  // another region's zone and is ignored.
  private final ZoneAvailability availability =
      new ZoneAvailability(
          ZONES,
          List.of(m5Large, m5Xlarge, t2Micro, c9gLarge),
          List.of(
              row("az1", "m5.large"),
              row("az1", "c5.large"),
              row("az1", "r5.large"),
              row("az1", "t2.micro"),
              row("az2", "m5.2xlarge"),
              row("az2", "c5.large"),
              row("az2", "r5.large"),
              row("az3", "t2.small"),
              row("az4", "m5.large"),
              row("az4", "c5.xlarge"),
              row("az9", "c9g.large")));

  private static SpotPriceRow row(String zone, String type) {
    return new SpotPriceRow(zone, type, 0.01);
  }

  @Test
  void aTypeIsOfferedWhereItOrAnyTypeOfItsFamilyWasObserved() {
    assertThat(availability.zoneIds(m5Large)).containsExactly("az1", "az2", "az4");
    assertThat(availability.zoneIds(m5Xlarge)).containsExactly("az1", "az2", "az4");
    assertThat(availability.zoneIds(t2Micro)).containsExactly("az1", "az3");
  }

  @Test
  void familiesAreCountedPerZone() {
    assertThat(availability.familiesObserved())
        .containsExactly(entry("az1", 4), entry("az2", 3), entry("az3", 1), entry("az4", 2));
    assertThat(availability.familyObserved("c5")).isTrue();
    assertThat(availability.familyObserved("c9g")).isFalse();
  }

  @Test
  void anUnobservedFamilyGetsTheZonesWithAtLeastHalfTheBestZonesFamilies() {
    // The best zone saw 4 families: az3 with 1 is below half, az4 with 2 is exactly half.
    assertThat(availability.zonesForUnobservedFamilies()).containsExactly("az1", "az2", "az4");
    assertThat(availability.zoneIds(c9gLarge)).containsExactly("az1", "az2", "az4");
  }

  @Test
  void withoutAnyObservationEveryZoneOffersEveryType() {
    ZoneAvailability none = new ZoneAvailability(ZONES, List.of(m5Large), List.of());
    assertThat(none.zoneIds(m5Large)).isEqualTo(ZONES);
  }
}
