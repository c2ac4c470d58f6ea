package io.flotilla.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.catalog.pricing.Derivation;
import io.flotilla.catalog.pricing.ZoneAvailability;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.catalog.PriceSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Ec2CatalogTest {
  private static final List<String> ZONES =
      List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f");

  private static Ec2Catalog ec2;
  private static Catalog catalog;

  @BeforeAll
  static void load() {
    ec2 = Ec2Catalog.open(CatalogSettings.defaults());
    catalog = ec2.catalog();
  }

  @Test
  void loadsEveryTypeAndOffersEveryPricedOneWithAPublishedBaselineIfBurstable() {
    assertThat(catalog.region()).isEqualTo("us-east-1");
    assertThat(catalog.types()).hasSize(1363);
    long priced = catalog.types().stream().filter(t -> t.onDemandPrice() != null).count();
    Set<String> offered =
        catalog.offerings().stream().map(o -> o.type().name()).collect(Collectors.toSet());
    assertThat(priced).isEqualTo(1345);
    // t1.micro is priced but burstable without a published baseline.
    assertThat(offered).hasSize(1344).doesNotContain("t1.micro");
    assertThat(catalog.offerings()).hasSize(13_180);
    assertThat(catalog.zones()).isEqualTo(ZONES);
  }

  @Test
  void zonesOfferTheTypesTheSnapshotSawThereAndNewFamiliesOnlyWhereItSawMany() {
    Map<String, Long> typesPerZone =
        catalog.offerings().stream()
            .filter(o -> o.capacityType() == CapacityType.ON_DEMAND)
            .collect(Collectors.groupingBy(Offering::zone, TreeMap::new, Collectors.counting()));
    assertThat(typesPerZone)
        .containsExactly(
            entry("us-east-1a", 1286L),
            entry("us-east-1b", 1340L),
            entry("us-east-1c", 54L),
            entry("us-east-1d", 1339L),
            entry("us-east-1e", 1235L),
            entry("us-east-1f", 1336L));
    ZoneAvailability zones = ec2.zoneAvailability();
    assertThat(zones.familiesObserved())
        .containsExactly(
            entry("use1-az1", 66),
            entry("use1-az2", 76),
            entry("use1-az3", 13),
            entry("use1-az4", 74),
            entry("use1-az5", 52),
            entry("use1-az6", 73));
    assertThat(zones.zonesForUnobservedFamilies())
        .containsExactly("use1-az1", "use1-az2", "use1-az4", "use1-az5", "use1-az6");
  }

  @Test
  void theOldFamilyZoneOffersOldTypesOnly() {
    assertThat(zonesOf("m4.large")).contains("us-east-1c");
    assertThat(zonesOf("t2.micro")).contains("us-east-1c");
    assertThat(zonesOf("m5.xlarge")).doesNotContain("us-east-1c").isNotEmpty();
    assertThat(zonesOf("m6g.xlarge")).doesNotContain("us-east-1c").isNotEmpty();
    // c9g is newer than the snapshot: the five well-covered zones.
    assertThat(ec2.zoneAvailability().familyObserved("c9g")).isFalse();
    assertThat(zonesOf("c9g.large"))
        .containsExactly("us-east-1a", "us-east-1b", "us-east-1d", "us-east-1e", "us-east-1f");
  }

  @Test
  void everyOfferedTypeHasAnOnDemandAndASpotOfferingInEachOfItsZones() {
    for (String type : List.of("m5.xlarge", "c9g.large", "t3.large", "p4d.24xlarge")) {
      Set<String> zones = zonesOf(type);
      for (String zone : zones) {
        assertThat(catalog.offering(type, zone, CapacityType.SPOT)).as(type + zone).isPresent();
      }
      assertThat(catalog.offerings(type)).hasSize(zones.size() * 2);
    }
  }

  @Test
  void typesWithoutAnOnDemandPriceHaveNoOfferings() {
    assertThat(catalog.type("p5e.48xlarge").orElseThrow().onDemandPrice()).isNull();
    assertThat(catalog.offerings("p5e.48xlarge")).isEmpty();
  }

  @Test
  void onDemandOfferingsCarryThePublishedPriceInEveryZoneAndNoBand() {
    for (String zone : zonesOf("m5.xlarge")) {
      Offering o = catalog.offering("m5.xlarge", zone, CapacityType.ON_DEMAND).orElseThrow();
      assertThat(o.pricePerHour()).isEqualTo(0.192);
      assertThat(o.band()).isNull();
      assertThat(o.source()).isEqualTo(PriceSource.PUBLISHED);
    }
  }

  @Test
  void spotOfferingsAreModelledAndCarryTheTypesInterruptionBand() {
    for (Offering o : catalog.offerings()) {
      if (o.capacityType() == CapacityType.SPOT) {
        assertThat(o.source()).as(o.toString()).isEqualTo(PriceSource.MODELLED);
        assertThat(o.band())
            .as(o.toString())
            .isEqualTo(ec2.interruptionBands().of(o.type().name()).orElseThrow().band());
      } else {
        assertThat(o.band()).as(o.toString()).isNull();
        assertThat(o.source()).as(o.toString()).isEqualTo(PriceSource.PUBLISHED);
      }
    }
    assertThat(catalog.offering("m5.xlarge", "us-east-1a", CapacityType.SPOT).orElseThrow().band())
        .isEqualTo(InterruptionBand.OVER_20);
    // c9g has no Advisor row: its band is its category's median.
    assertThat(catalog.offering("c9g.large", "us-east-1a", CapacityType.SPOT).orElseThrow().band())
        .isNotNull();
  }

  @Test
  void spotIsNeverDearerThanOnDemand() {
    for (Offering spot : catalog.offerings()) {
      if (spot.capacityType() == CapacityType.SPOT) {
        double onDemand = price(spot.type().name(), spot.zone(), CapacityType.ON_DEMAND);
        assertThat(spot.pricePerHour()).as(spot.toString()).isLessThanOrEqualTo(onDemand);
      }
    }
  }

  @Test
  void spotAveragesAcrossZonesMatchTheAdvisorSpotChecks() {
    assertThat(spotMean("m5.xlarge")).isCloseTo(0.061, within(0.001));
    assertThat(spotMean("c6g.large")).isCloseTo(0.025, within(0.001));
  }

  @Test
  void spotAveragesOverTheOfferingZonesMatchTheAdvisorSavingsExactly() {
    // m5.xlarge: 0.192 x (1 - 68 %) = 0.06144; c6g.large: 0.068 x (1 - 63 %) = 0.02516
    assertThat(spotMean("m5.xlarge")).isCloseTo(0.06144, within(0.000001));
    assertThat(spotMean("c6g.large")).isCloseTo(0.02516, within(0.000001));
  }

  @Test
  void zeroAdvisorSavingsMeanNoDiscountInAnyZone() {
    assertThat(zonesOf("a1.large")).isNotEmpty();
    for (String zone : zonesOf("a1.large")) {
      assertThat(price("a1.large", zone, CapacityType.SPOT)).isEqualTo(0.051);
    }
  }

  @Test
  void zonesDifferForTypesWithObservedZoneSpreads() {
    for (String type : List.of("m5.xlarge", "m5.large", "c5.2xlarge", "g4dn.xlarge")) {
      Set<Double> prices =
          zonesOf(type).stream()
              .map(z -> price(type, z, CapacityType.SPOT))
              .collect(Collectors.toSet());
      assertThat(prices).as(type).hasSizeGreaterThan(1);
    }
  }

  @Test
  void twoLoadsAreEqual() {
    Catalog again = Ec2Catalog.load(CatalogSettings.defaults());
    assertThat(again.types()).isEqualTo(catalog.types());
    assertThat(again.offerings()).isEqualTo(catalog.offerings());
  }

  @Test
  void interruptionBandsArePublishedOrDerived() {
    InterruptionBands bands = ec2.interruptionBands();
    assertThat(bands.of("m5.xlarge").orElseThrow().band()).isEqualTo(InterruptionBand.OVER_20);
    assertThat(bands.of("m5.xlarge").orElseThrow().derivation()).isEqualTo(Derivation.PUBLISHED);
    assertThat(bands.of("g4dn.xlarge").orElseThrow().band())
        .isEqualTo(InterruptionBand.FROM_10_TO_15);
    assertThat(bands.of("g4dn.xlarge").orElseThrow().monthlyRate()).isEqualTo(0.125);
    assertThat(bands.of("c9g.large").orElseThrow().derivation())
        .isEqualTo(Derivation.CATEGORY_MEDIAN);
    assertThat(bands.of("u7i-12tb.224xlarge").orElseThrow().derivation())
        .isEqualTo(Derivation.REGION_MEDIAN);
    assertThat(bands.of("no-such.type")).isEmpty();
  }

  @Test
  void everyCatalogTypeHasAnInterruptionBand() {
    for (InstanceType t : catalog.types()) {
      assertThat(ec2.interruptionBands().of(t.name())).as(t.name()).isPresent();
    }
  }

  @Test
  void zonesAreAssumedToMapToZoneIdsInOrder() {
    assertThat(ec2.zones().get(0).zoneId()).isEqualTo("use1-az1");
    assertThat(ec2.zones().get(5).name()).isEqualTo("us-east-1f");
    assertThat(ec2.zones().get(5).zoneId()).isEqualTo("use1-az6");
  }

  private static double price(String type, String zone, CapacityType capacityType) {
    return catalog.offering(type, zone, capacityType).orElseThrow().pricePerHour();
  }

  private static Set<String> zonesOf(String type) {
    return catalog.offerings(type).stream()
        .map(Offering::zone)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static double spotMean(String type) {
    return zonesOf(type).stream()
        .mapToDouble(z -> price(type, z, CapacityType.SPOT))
        .average()
        .orElseThrow();
  }
}
