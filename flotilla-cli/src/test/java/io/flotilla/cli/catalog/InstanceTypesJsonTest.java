package io.flotilla.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceTypesJsonTest {
  private static final List<String> KEYS =
      List.of(
          "instanceType",
          "family",
          "arch",
          "vcpu",
          "memoryMiB",
          "gpus",
          "gpuName",
          "maxPods",
          "zone",
          "zoneId",
          "capacityType",
          "pricePerHour",
          "interruptionBand",
          "priceSource");

  private final ObjectMapper mapper = new ObjectMapper();

  @TempDir Path dir;

  private List<JsonNode> json(String... args) throws IOException {
    String[] all = new String[args.length + 2];
    all[0] = "instance-types";
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = "--output=json";
    CliRun run = CliRun.of(all);
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> rows = new ArrayList<>();
    mapper.readTree(run.out()).forEach(rows::add);
    return rows;
  }

  @Test
  void everyOfferingIsAnObjectWithTheContractKeysInOrder() throws IOException {
    List<JsonNode> rows = json();
    assertThat(rows).hasSize(Ec2Catalog.load(CatalogSettings.defaults()).offerings().size());
    List<String> names = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(names::add);
    assertThat(names).isEqualTo(KEYS);
  }

  @Test
  void filtersKeepOnlyMatchingOfferings() throws IOException {
    List<JsonNode> rows =
        json(
            "--arch",
            "arm64",
            "--min-vcpu",
            "4",
            "--min-memory",
            "16Gi",
            "--capacity-type",
            "spot",
            "--zone",
            "us-east-1d");
    assertThat(rows).isNotEmpty();
    for (JsonNode r : rows) {
      assertThat(r.get("arch").asText()).isEqualTo("arm64");
      assertThat(r.get("vcpu").asInt()).isGreaterThanOrEqualTo(4);
      assertThat(r.get("memoryMiB").asLong()).isGreaterThanOrEqualTo(16384);
      assertThat(r.get("capacityType").asText()).isEqualTo("spot");
      assertThat(r.get("zone").asText()).isEqualTo("us-east-1d");
      assertThat(r.get("zoneId").asText()).isEqualTo("use1-az4");
    }
    assertThat(rows).extracting(r -> r.get("instanceType").asText()).contains("m6g.xlarge");
  }

  @Test
  void gpuKeepsOnlyTypesWithGpus() throws IOException {
    List<JsonNode> rows = json("--gpu", "--capacity-type", "on-demand", "--zone", "us-east-1a");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("gpus").asInt()).isPositive());
    assertThat(rows)
        .filteredOn(r -> r.get("instanceType").asText().equals("g4dn.xlarge"))
        .singleElement()
        .satisfies(r -> assertThat(r.get("gpuName").asText()).isEqualTo("t4"));
  }

  @Test
  void offeringsAreOrderedByPriceThenTypeThenZone() throws IOException {
    List<JsonNode> rows = json("--min-vcpu", "2");
    for (int i = 1; i < rows.size(); i++) {
      JsonNode a = rows.get(i - 1);
      JsonNode b = rows.get(i);
      int byPrice =
          Double.compare(a.get("pricePerHour").asDouble(), b.get("pricePerHour").asDouble());
      int byType = a.get("instanceType").asText().compareTo(b.get("instanceType").asText());
      int byZone = a.get("zone").asText().compareTo(b.get("zone").asText());
      assertThat(byPrice < 0 || byPrice == 0 && (byType < 0 || byType == 0 && byZone <= 0))
          .as(a + " before " + b)
          .isTrue();
    }
  }

  @Test
  void aPriceFileChangesTheListedPrice() throws IOException {
    Path prices =
        Files.writeString(
            dir.resolve("p.csv"),
            "instance_type,zone,capacity_type,price_usd_hour\nm5.xlarge,us-east-1a,spot,0.001\n");
    List<JsonNode> rows =
        json("--prices", prices.toString(), "--capacity-type", "spot", "--zone", "us-east-1a");
    assertThat(rows.get(0).get("instanceType").asText()).isEqualTo("m5.xlarge");
    assertThat(rows.get(0).get("pricePerHour").asDouble()).isEqualTo(0.001);
  }

  @Test
  void spotRowsCarryTheirInterruptionBandAndEveryRowItsPriceSource() throws IOException {
    List<JsonNode> rows = json("--min-vcpu", "4", "--zone", "us-east-1a");
    JsonNode spot = row(rows, "m5.xlarge", "spot");
    assertThat(spot.get("interruptionBand").asText()).isEqualTo(">20%");
    assertThat(spot.get("priceSource").asText()).isEqualTo("modelled");
    JsonNode onDemand = row(rows, "m5.xlarge", "on-demand");
    assertThat(onDemand.get("interruptionBand").isNull()).isTrue();
    assertThat(onDemand.get("priceSource").asText()).isEqualTo("published");
    assertThat(rows)
        .allSatisfy(
            r ->
                assertThat(r.get("interruptionBand").isNull())
                    .isEqualTo(r.get("capacityType").asText().equals("on-demand")));
  }

  @Test
  void aPriceFilesRowsSayTheirPriceComesFromThePriceFile() throws IOException {
    Path prices =
        Files.writeString(
            dir.resolve("p.csv"),
            "instance_type,zone,capacity_type,price_usd_hour\n"
                + "m5.xlarge,us-east-1a,spot,0.001\n"
                + "m5.xlarge,us-east-1-bos-1a,spot,0.09\n");
    List<JsonNode> rows = json("--prices", prices.toString(), "--capacity-type", "spot");
    JsonNode replaced = rows.get(0);
    assertThat(replaced.get("priceSource").asText()).isEqualTo("price-file");
    assertThat(replaced.get("interruptionBand").asText()).isEqualTo(">20%");
    assertThat(rows)
        .filteredOn(r -> r.get("zone").asText().equals("us-east-1-bos-1a"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("priceSource").asText()).isEqualTo("price-file");
              assertThat(r.get("interruptionBand").asText()).isEqualTo(">20%");
              assertThat(r.get("zoneId").isNull()).isTrue();
            });
  }

  private static JsonNode row(List<JsonNode> rows, String type, String capacityType) {
    return rows.stream()
        .filter(r -> r.get("instanceType").asText().equals(type))
        .filter(r -> r.get("capacityType").asText().equals(capacityType))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void nothingMatchingIsAnEmptyList() throws IOException {
    assertThat(json("--gpu", "--arch", "arm64", "--min-vcpu", "100000")).isEmpty();
  }
}
