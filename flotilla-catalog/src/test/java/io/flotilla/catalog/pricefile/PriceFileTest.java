package io.flotilla.catalog.pricefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.catalog.csv.CatalogDataException;
import io.flotilla.catalog.csv.CsvResource;
import io.flotilla.catalog.csv.DataError;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.catalog.PriceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceFileTest {
  private static final String HEADER = "instance_type,zone,capacity_type,price_usd_hour\n";

  @TempDir Path dir;

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("prices.csv"), content);
  }

  private Catalog load(Path prices) {
    return Ec2Catalog.load(new CatalogSettings(prices));
  }

  private static double price(Catalog c, String type, String zone, CapacityType capacityType) {
    return c.offering(type, zone, capacityType).orElseThrow().pricePerHour();
  }

  @Test
  void aRowOverridesThePriceOfItsOfferingOnly() throws IOException {
    Catalog base = Ec2Catalog.load(CatalogSettings.defaults());
    Catalog c = load(file(HEADER + "m5.xlarge,us-east-1a,spot,0.05\n"));

    assertThat(price(c, "m5.xlarge", "us-east-1a", CapacityType.SPOT)).isEqualTo(0.05);
    assertThat(price(c, "m5.xlarge", "us-east-1b", CapacityType.SPOT))
        .isEqualTo(price(base, "m5.xlarge", "us-east-1b", CapacityType.SPOT));
    assertThat(price(c, "m5.xlarge", "us-east-1a", CapacityType.ON_DEMAND)).isEqualTo(0.192);
    assertThat(c.offerings()).hasSameSizeAs(base.offerings());
  }

  @Test
  void aRowForANewZoneOrAnUnpricedTypeAddsAnOffering() throws IOException {
    Catalog c =
        load(
            file(
                HEADER
                    + "# local zone price\n"
                    + "m5.xlarge,us-east-1-bos-1a,on-demand,0.23\n"
                    + "\n"
                    + "p5e.48xlarge,us-east-1b,on-demand,120.5\n"));

    assertThat(price(c, "m5.xlarge", "us-east-1-bos-1a", CapacityType.ON_DEMAND)).isEqualTo(0.23);
    assertThat(c.offerings("p5e.48xlarge")).hasSize(1);
    assertThat(c.zones()).contains("us-east-1-bos-1a");
  }

  @Test
  void aReplacedPriceComesFromThePriceFileAndKeepsItsOfferingsBand() throws IOException {
    Catalog base = Ec2Catalog.load(CatalogSettings.defaults());
    Catalog c =
        load(
            file(
                HEADER
                    + "m5.xlarge,us-east-1a,spot,0.05\n"
                    + "m5.xlarge,us-east-1a,on-demand,0.18\n"));

    Offering before = base.offering("m5.xlarge", "us-east-1a", CapacityType.SPOT).orElseThrow();
    Offering spot = c.offering("m5.xlarge", "us-east-1a", CapacityType.SPOT).orElseThrow();
    assertThat(spot.source()).isEqualTo(PriceSource.PRICE_FILE);
    assertThat(spot.band()).isEqualTo(before.band()).isNotNull();
    Offering onDemand = c.offering("m5.xlarge", "us-east-1a", CapacityType.ON_DEMAND).orElseThrow();
    assertThat(onDemand.source()).isEqualTo(PriceSource.PRICE_FILE);
    assertThat(onDemand.band()).isNull();
    assertThat(c.offering("m5.xlarge", "us-east-1b", CapacityType.SPOT).orElseThrow().source())
        .isEqualTo(PriceSource.MODELLED);
  }

  @Test
  void anAddedSpotOfferingCarriesTheTypesBandAndAnAddedOnDemandOneNone() throws IOException {
    Ec2Catalog ec2 =
        Ec2Catalog.open(
            new CatalogSettings(
                file(
                    HEADER
                        + "m5.xlarge,us-east-1-bos-1a,spot,0.07\n"
                        + "m5.xlarge,us-east-1-bos-1a,on-demand,0.23\n")));
    Catalog c = ec2.catalog();

    Offering spot = c.offering("m5.xlarge", "us-east-1-bos-1a", CapacityType.SPOT).orElseThrow();
    assertThat(spot.source()).isEqualTo(PriceSource.PRICE_FILE);
    assertThat(spot.band())
        .isEqualTo(ec2.interruptionBands().of("m5.xlarge").orElseThrow().band())
        .isNotNull();
    Offering onDemand =
        c.offering("m5.xlarge", "us-east-1-bos-1a", CapacityType.ON_DEMAND).orElseThrow();
    assertThat(onDemand.band()).isNull();
    assertThat(onDemand.source()).isEqualTo(PriceSource.PRICE_FILE);
  }

  @Test
  void aPriceFileAddingManyLocalZonesForOneTypeLoadsEveryOffering() throws IOException {
    List<String> localZones =
        List.of(
            "us-east-1-atl-1a",
            "us-east-1-bos-1a",
            "us-east-1-bue-1a",
            "us-east-1-chi-1a",
            "us-east-1-dfw-1a",
            "us-east-1-iah-1a",
            "us-east-1-lim-1a",
            "us-east-1-mci-1a",
            "us-east-1-mia-1a",
            "us-east-1-msp-1a",
            "us-east-1-nyc-1a",
            "us-east-1-phl-1a",
            "us-east-1-qro-1a",
            "us-east-1-scl-1a");
    StringBuilder rows = new StringBuilder(HEADER);
    for (String zone : localZones) {
      rows.append("m5.xlarge,").append(zone).append(",on-demand,0.23\n");
      rows.append("m5.xlarge,").append(zone).append(",spot,0.08\n");
    }
    Catalog base = Ec2Catalog.load(CatalogSettings.defaults());
    Catalog c = load(file(rows.toString()));

    assertThat(c.zones()).containsAll(localZones);
    assertThat(c.offerings("m5.xlarge"))
        .hasSize(base.offerings("m5.xlarge").size() + 2 * localZones.size());
    for (String zone : localZones) {
      assertThat(price(c, "m5.xlarge", zone, CapacityType.ON_DEMAND)).isEqualTo(0.23);
      assertThat(price(c, "m5.xlarge", zone, CapacityType.SPOT)).isEqualTo(0.08);
    }
  }

  @Test
  void aZoneTheModelDoesNotOfferTheTypeInCanBeAddedByThePriceFile() throws IOException {
    Catalog base = Ec2Catalog.load(CatalogSettings.defaults());
    assertThat(base.offering("m5.xlarge", "us-east-1c", CapacityType.SPOT)).isEmpty();
    Catalog c = load(file(HEADER + "m5.xlarge,us-east-1c,spot,0.06\n"));
    assertThat(price(c, "m5.xlarge", "us-east-1c", CapacityType.SPOT)).isEqualTo(0.06);
  }

  @Test
  void aBurstableTypeWithoutAPublishedBaselineCannotBePriced() throws IOException {
    Path f = file(HEADER + "t1.micro,us-east-1a,on-demand,0.02\n");
    assertThatThrownBy(() -> load(f))
        .hasMessage(
            f
                + " line 2, column 1 (instance_type): t1.micro is burstable and AWS publishes no"
                + " CPU baseline for it, so it cannot be planned");
  }

  @Test
  void anUnknownInstanceTypeNamesFileLineAndColumn() throws IOException {
    Path f = file(HEADER + "m5.xlarge,us-east-1a,spot,0.05\nm5.huge,us-east-1a,spot,0.05\n");
    assertThatThrownBy(() -> load(f))
        .hasMessage(f + " line 3, column 1 (instance_type): unknown instance type 'm5.huge'");
  }

  @Test
  void aBadCapacityTypeNamesTheColumn() throws IOException {
    Path f = file(HEADER + "m5.xlarge,us-east-1a,reserved,0.05\n");
    assertThatThrownBy(() -> load(f))
        .hasMessage(
            f
                + " line 2, column 3 (capacity_type): unknown capacity type 'reserved' (expected"
                + " spot or on-demand)");
  }

  @Test
  void aNegativePriceNamesTheColumn() throws IOException {
    Path f = file(HEADER + "m5.xlarge,us-east-1a,spot,-0.05\n");
    assertThatThrownBy(() -> load(f))
        .hasMessage(f + " line 2, column 4 (price_usd_hour): negative price '-0.05'");
  }

  @Test
  void aNonNumericPriceNamesTheColumn() throws IOException {
    Path f = file(HEADER + "m5.xlarge,us-east-1a,spot,cheap\n");
    assertThatThrownBy(() -> load(f))
        .hasMessage(f + " line 2, column 4 (price_usd_hour): not a number: 'cheap'");
  }

  @Test
  void aMissingHeaderColumnIsNamed() throws IOException {
    Path f = file("instance_type,zone,price_usd_hour\nm5.xlarge,us-east-1a,0.05\n");
    assertThatThrownBy(() -> load(f)).hasMessage(f + " line 1: missing column 'capacity_type'");
  }

  @Test
  void aMissingValueNamesItsColumn() throws IOException {
    Path f = file(HEADER + "m5.xlarge,us-east-1a,spot\nm5.xlarge,us-east-1b,,0.1\n");
    assertThatThrownBy(() -> load(f))
        .isInstanceOfSatisfying(
            CatalogDataException.class,
            e ->
                assertThat(e.errors())
                    .extracting(DataError::describe)
                    .containsExactly(
                        f + " line 2, column 4 (price_usd_hour): missing value",
                        f + " line 3, column 3 (capacity_type): missing value"));
  }

  @Test
  void aDuplicateRowNamesBothLines() throws IOException {
    Path f = file(HEADER + "m5.xlarge,us-east-1a,spot,0.05\n" + "m5.xlarge,us-east-1a,spot,0.06\n");
    assertThatThrownBy(() -> load(f))
        .hasMessage(
            f
                + " line 3, column 1 (instance_type): duplicate row: m5.xlarge us-east-1a spot"
                + " already priced on line 2");
  }

  @Test
  void aZoneOutsideTheRegionIsRefused() throws IOException {
    Path f = file(HEADER + "m5.xlarge,eu-west-1a,spot,0.05\n");
    assertThatThrownBy(() -> load(f))
        .hasMessage(f + " line 2, column 2 (zone): 'eu-west-1a' is not a zone of us-east-1");
  }

  @Test
  void aMissingFileIsNamed() {
    Path f = dir.resolve("nope.csv");
    assertThatThrownBy(() -> load(f)).hasMessage(f + ": no such file");
  }

  @Test
  void aFileWithAnyErrorIsNotAppliedAtAllAndEveryErrorIsListed() throws IOException {
    Path f =
        file(
            HEADER
                + "m5.xlarge,us-east-1a,spot,0.01\n"
                + "m5.xlarge,us-east-1b,spot,abc\n"
                + "c5.large,us-east-1a,spot,0.01\n"
                + "c5.large,us-east-1a,onDemand,0.01\n");
    Catalog base = Ec2Catalog.load(CatalogSettings.defaults());
    Map<String, InstanceType> types =
        base.types().stream().collect(Collectors.toMap(InstanceType::name, t -> t));
    PriceFileReader reader = new PriceFileReader(new CsvResource(getClass().getClassLoader()));

    assertThatThrownBy(() -> reader.read(f, types))
        .isInstanceOfSatisfying(
            CatalogDataException.class,
            e -> assertThat(e.errors()).extracting(DataError::line).containsExactly(3L, 5L));
    assertThatThrownBy(() -> load(f)).isInstanceOf(CatalogDataException.class);
  }

  @Test
  void applyingOverridesLeavesTheGivenOfferingsUntouched() {
    Catalog base = Ec2Catalog.load(CatalogSettings.defaults());
    Map<String, InstanceType> types =
        base.types().stream().collect(Collectors.toMap(InstanceType::name, t -> t));
    List<Offering> before = List.copyOf(base.offerings());

    List<Offering> after =
        PriceOverrides.apply(
            base.offerings(),
            List.of(new PriceOverride("m5.xlarge", "us-east-1a", CapacityType.SPOT, 0.01, 2)),
            types,
            t -> InterruptionBand.UNDER_5);

    assertThat(base.offerings()).isEqualTo(before);
    assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
  }
}
