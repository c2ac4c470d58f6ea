package io.flotilla.catalog.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.catalog.csv.CatalogDataException;
import io.flotilla.catalog.csv.CsvReader;
import io.flotilla.catalog.csv.DataError;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BurstableBaselineReaderTest {
  private static final String HEADER = String.join(",", BurstableBaselineReader.COLUMNS);
  private static final InstanceType T3_LARGE = type("t3.large", "t", 2);
  private static final InstanceType T1_MICRO = type("t1.micro", "t", 1);
  private static final InstanceType M5_LARGE = type("m5.large", "m", 2);
  private static Catalog catalog;

  @BeforeAll
  static void load() {
    catalog = Ec2Catalog.load(CatalogSettings.defaults());
  }

  private static InstanceType type(String name, String category, int vcpu) {
    return new InstanceType(
        name,
        name.substring(0, name.indexOf('.')),
        category,
        3,
        "large",
        vcpu,
        8192,
        "amd64",
        "intel",
        Gpu.NONE,
        null,
        5000,
        "nitro",
        3,
        12,
        35,
        0.0832);
  }

  private static Map<String, Optional<Double>> read(List<InstanceType> types, String... lines) {
    Errors errors = new Errors();
    String csv = HEADER + "\n" + String.join("\n", lines) + "\n";
    var table =
        new CsvReader()
            .read(
                "baselines.csv",
                new StringReader(csv),
                BurstableBaselineReader.COLUMNS,
                true,
                errors);
    Map<String, Optional<Double>> baselines = BurstableBaselineReader.read(table, types, errors);
    errors.throwIfAny();
    return baselines;
  }

  @Test
  void burstableCatalogTypesCarryAwsPublishedBaselines() {
    assertThat(catalog.type("t3.large").orElseThrow().cpuBaseline()).isEqualTo(0.3);
    assertThat(catalog.type("t3.large").orElseThrow().sustainedCpuMillis()).isEqualTo(600);
    assertThat(catalog.type("t4g.micro").orElseThrow().cpuBaseline()).isEqualTo(0.1);
    assertThat(catalog.type("t3a.2xlarge").orElseThrow().cpuBaseline()).isEqualTo(0.4);
    assertThat(catalog.type("t2.xlarge").orElseThrow().cpuBaseline()).isEqualTo(0.225);
    assertThat(catalog.type("t2.2xlarge").orElseThrow().sustainedCpuMillis()).isEqualTo(1360);
  }

  @Test
  void everyBurstableTypeButT1MicroHasABaselineAndNoOtherTypeHasOne() {
    for (InstanceType t : catalog.types()) {
      boolean published = t.burstable() && !t.name().equals("t1.micro");
      assertThat(t.cpuBaseline() != null).as(t.name()).isEqualTo(published);
    }
    assertThat(catalog.types().stream().filter(InstanceType::burstable)).hasSize(29);
  }

  @Test
  void aBurstableTypeWithoutAPublishedBaselineGetsNoOfferings() {
    assertThat(catalog.type("t1.micro").orElseThrow().onDemandPrice()).isNotNull();
    assertThat(catalog.offerings("t1.micro")).isEmpty();
    assertThat(catalog.offerings("t2.micro")).isNotEmpty();
  }

  @Test
  void aRowGivesTheBaselineAsAFractionAndAnEmptyRowNone() {
    assertThat(read(List.of(T3_LARGE, T1_MICRO), "t3.large,36,2,30", "t1.micro,,,"))
        .containsEntry("t3.large", Optional.of(0.3))
        .containsEntry("t1.micro", Optional.empty());
  }

  @Test
  void aBurstableTypeWithoutARowIsAnError() {
    assertThatThrownBy(() -> read(List.of(T3_LARGE, T1_MICRO, M5_LARGE), "t3.large,36,2,30"))
        .hasMessage("baselines.csv: no baseline row for burstable type t1.micro");
  }

  @Test
  void badRowsNameFileLineAndColumn() {
    assertThatThrownBy(
            () ->
                read(
                    List.of(T3_LARGE, T1_MICRO, M5_LARGE),
                    "t3.large,36,2,20",
                    "t1.micro,6,,",
                    "m5.large,36,2,30",
                    "t3.nano,6,2,5"))
        .isInstanceOfSatisfying(
            CatalogDataException.class,
            e ->
                assertThat(e.errors())
                    .extracting(DataError::describe)
                    .containsExactly(
                        "baselines.csv line 2, column 4 (baseline_pct_per_vcpu): 36 credits per"
                            + " hour over 2 vCPUs is a baseline of 30 %, not 20",
                        "baselines.csv line 3, column 2 (credits_per_hour): given without a"
                            + " baseline_pct_per_vcpu",
                        "baselines.csv line 4, column 1 (instance_type): m5.large is not a"
                            + " burstable type",
                        "baselines.csv line 5, column 1 (instance_type): unknown instance type"
                            + " 't3.nano'"));
  }

  @Test
  void theVcpusMustAgreeWithTheCatalog() {
    assertThatThrownBy(() -> read(List.of(T3_LARGE), "t3.large,72,4,30"))
        .hasMessage(
            "baselines.csv line 2, column 3 (vcpu): t3.large has 2 vCPUs in the catalog, not 4");
  }

  @Test
  void aBaselineAboveOneHundredPercentIsRefused() {
    assertThatThrownBy(() -> read(List.of(T3_LARGE), "t3.large,240,2,200"))
        .hasMessage(
            "baselines.csv line 2, column 4 (baseline_pct_per_vcpu): must be above 0 and at most"
                + " 100, got 200");
  }
}
