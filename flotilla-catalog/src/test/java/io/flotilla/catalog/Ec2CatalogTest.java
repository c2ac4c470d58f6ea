package io.flotilla.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.catalog.pricing.Derivation;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import java.util.List;
import java.util.Set;
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
  void loadsEveryTypeAndOffersEveryPricedOne() {
    assertThat(catalog.region()).isEqualTo("us-east-1");
    assertThat(catalog.types()).hasSize(1363);
    long priced = catalog.types().stream().filter(t -> t.onDemandPrice() != null).count();
    Set<String> offered =
        catalog.offerings().stream().map(o -> o.type().name()).collect(Collectors.toSet());
    assertThat(priced).isEqualTo(1345);
    assertThat(offered).hasSize(1345);
    assertThat(catalog.offerings()).hasSize(1345 * ZONES.size() * 2);
    assertThat(catalog.zones()).isEqualTo(ZONES);
  }

  @Test
  void typesWithoutAnOnDemandPriceHaveNoOfferings() {
    assertThat(catalog.type("p5e.48xlarge").orElseThrow().onDemandPrice()).isNull();
    assertThat(catalog.offerings("p5e.48xlarge")).isEmpty();
  }

  @Test
  void onDemandOfferingsCarryThePublishedPriceInEveryZone() {
    for (String zone : ZONES) {
      assertThat(price("m5.xlarge", zone, CapacityType.ON_DEMAND)).isEqualTo(0.192);
    }
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
  void zeroAdvisorSavingsMeanNoDiscountInAnyZone() {
    for (String zone : ZONES) {
      assertThat(price("a1.large", zone, CapacityType.SPOT)).isEqualTo(0.051);
    }
  }

  @Test
  void zonesDifferForTypesWithObservedZoneSpreads() {
    for (String type : List.of("m5.xlarge", "m5.large", "c5.2xlarge", "g4dn.xlarge")) {
      Set<Double> prices =
          ZONES.stream().map(z -> price(type, z, CapacityType.SPOT)).collect(Collectors.toSet());
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

  private static double spotMean(String type) {
    return ZONES.stream()
        .mapToDouble(z -> price(type, z, CapacityType.SPOT))
        .average()
        .orElseThrow();
  }
}
