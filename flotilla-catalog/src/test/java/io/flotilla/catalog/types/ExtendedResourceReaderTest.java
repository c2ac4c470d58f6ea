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
import io.flotilla.core.catalog.Devices;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.resource.ResourceNames;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExtendedResourceReaderTest {
  private static final String HEADER = String.join(",", ExtendedResourceReader.COLUMNS);
  private static Catalog catalog;

  @BeforeAll
  static void load() {
    catalog = Ec2Catalog.load(CatalogSettings.defaults());
  }

  private static InstanceType type(String name) {
    return catalog.type(name).orElseThrow();
  }

  private static Map<String, Devices> read(List<String> known, String... lines) {
    Errors errors = new Errors();
    String csv = HEADER + "\n" + String.join("\n", lines) + "\n";
    var table =
        new CsvReader()
            .read(
                "extended.csv",
                new StringReader(csv),
                ExtendedResourceReader.COLUMNS,
                true,
                errors);
    Map<String, Devices> devices =
        ExtendedResourceReader.read(table, new LinkedHashSet<>(known), errors);
    errors.throwIfAny();
    return devices;
  }

  @Test
  void inferentiaTypesCarryNeuronDevicesCoresAndAcceleratorLabels() {
    InstanceType inf2 = type("inf2.xlarge");
    assertThat(inf2.devices().extended().get(ResourceNames.AWS_NEURON)).isEqualTo(1);
    assertThat(inf2.devices().extended().get(ResourceNames.AWS_NEURON_CORE)).isEqualTo(2);
    assertThat(inf2.devices().accelerated()).isTrue();
    assertThat(inf2.exotic()).isTrue();
    assertThat(inf2.labels())
        .containsEntry(WellKnownLabels.INSTANCE_ACCELERATOR_NAME, "inferentia2")
        .containsEntry(WellKnownLabels.INSTANCE_ACCELERATOR_MANUFACTURER, "aws")
        .containsEntry(WellKnownLabels.INSTANCE_ACCELERATOR_COUNT, "1");
  }

  @Test
  void amdGpuTypesCarryAmdGpus() {
    assertThat(type("g4ad.xlarge").devices().extended().get(ResourceNames.AMD_GPU)).isEqualTo(1);
  }

  @Test
  void efaAndPodEniCountsAreExtendedResources() {
    Devices p4d = type("p4d.24xlarge").devices();
    assertThat(p4d.extended().get(ResourceNames.EFA)).isEqualTo(4);
    assertThat(p4d.extended().get(ResourceNames.POD_ENI)).isEqualTo(62);
    assertThat(p4d.acceleratorName()).isNull();
    assertThat(type("trn1.32xlarge").devices().extended().get(ResourceNames.EFA)).isEqualTo(8);
  }

  @Test
  void ordinaryTypesHaveNoAcceleratorAndAreNotExotic() {
    InstanceType m5 = type("m5.xlarge");
    assertThat(m5.devices().acceleratorName()).isNull();
    assertThat(m5.devices().extended().get(ResourceNames.AWS_NEURON)).isZero();
    assertThat(m5.exotic()).isFalse();
    assertThat(m5.labels()).doesNotContainKey(WellKnownLabels.INSTANCE_ACCELERATOR_NAME);
  }

  @Test
  void everyCatalogTypeHasARowAndTypesWithoutOneAreAnError() {
    assertThatThrownBy(() -> read(List.of("m5.large", "inf2.xlarge"), "m5.large,,,,,,,,9"))
        .isInstanceOfSatisfying(
            CatalogDataException.class,
            e ->
                assertThat(e.errors())
                    .extracting(DataError::describe)
                    .containsExactly("extended.csv: no row for instance type inf2.xlarge"));
  }

  @Test
  void badRowsNameFileLineAndColumn() {
    assertThatThrownBy(
            () ->
                read(
                    List.of("m5.large", "inf2.xlarge", "g4ad.xlarge"),
                    "m5.large,,,,,,,,-1",
                    "inf2.xlarge,,aws,1,1,2,,,18",
                    "g4ad.xlarge,,,,,,one,,12",
                    "m5.huge,,,,,,,,9",
                    "m5.large,,,,,,,,9"))
        .isInstanceOfSatisfying(
            CatalogDataException.class,
            e ->
                assertThat(e.errors())
                    .extracting(DataError::describe)
                    .containsExactly(
                        "extended.csv line 2, column 9 (pod_eni): must be at least 0, got -1",
                        "extended.csv line 3, column 3 (accelerator_manufacturer): given without"
                            + " an accelerator_name",
                        "extended.csv line 4, column 7 (amd_gpu): not a whole number: 'one'",
                        "extended.csv line 5, column 1 (instance_type): unknown instance type"
                            + " 'm5.huge'",
                        "extended.csv line 6, column 1 (instance_type): instance type m5.large"
                            + " already given on line 2"));
  }
}
