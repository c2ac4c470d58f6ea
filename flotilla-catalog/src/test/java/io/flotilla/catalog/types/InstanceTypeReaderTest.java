package io.flotilla.catalog.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.catalog.csv.CatalogDataException;
import io.flotilla.catalog.csv.CsvReader;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceTypeReaderTest {
  private static final String HEADER = String.join(",", InstanceTypeColumns.ALL);
  private static final String M5 =
      "m5.xlarge,m5,m,5,xlarge,4,16384,amd64,intel,0,,,,,1250,nitro,4,15,58,3920,14162,0.192000";
  private static final String G4DN =
      "g4dn.xlarge,g4dn,g,4,xlarge,4,16384,amd64,intel,1,t4,nvidia,16384,125,5000,nitro,3,10,29,"
          + "3920,14470,0.526000";
  private static final String METAL_NO_PRICE =
      "x8aedz.large,x8aedz,x,8,large,2,16384,amd64,amd,0,,,,,12500,,3,10,29,1930,14500,";

  private static List<InstanceType> read(String... lines) {
    Errors errors = new Errors();
    String csv = HEADER + "\n" + String.join("\n", lines) + "\n";
    var table =
        new CsvReader()
            .read("types.csv", new StringReader(csv), InstanceTypeColumns.ALL, true, errors);
    List<InstanceType> types = InstanceTypeReader.read(table, errors);
    errors.throwIfAny();
    return types;
  }

  @Test
  void readsEveryColumnIntoTheInstanceType() {
    InstanceType m5 = read(M5).get(0);
    assertThat(m5.name()).isEqualTo("m5.xlarge");
    assertThat(m5.family()).isEqualTo("m5");
    assertThat(m5.generation()).isEqualTo(5);
    assertThat(m5.vcpu()).isEqualTo(4);
    assertThat(m5.memoryMiB()).isEqualTo(16384);
    assertThat(m5.gpu()).isEqualTo(Gpu.NONE);
    assertThat(m5.localNvmeGb()).isNull();
    assertThat(m5.maxPods()).isEqualTo(58);
    assertThat(m5.onDemandPrice()).isEqualTo(0.192);
  }

  @Test
  void gpuColumnsBecomeAGpu() {
    InstanceType g4dn = read(G4DN).get(0);
    assertThat(g4dn.gpu()).isEqualTo(new Gpu(1, "t4", "nvidia", 16384));
    assertThat(g4dn.gpu().resourceName()).isEqualTo("nvidia.com/gpu");
    assertThat(g4dn.localNvmeGb()).isEqualTo(125);
  }

  @Test
  void emptyPriceAndHypervisorBecomeNull() {
    InstanceType type = read(METAL_NO_PRICE).get(0);
    assertThat(type.onDemandPrice()).isNull();
    assertThat(type.hypervisor()).isNull();
  }

  @Test
  void aBadNumberNamesFileLineAndColumn() {
    assertThatThrownBy(() -> read(M5, G4DN.replace(",4,16384,", ",four,16384,")))
        .isInstanceOf(CatalogDataException.class)
        .hasMessage("types.csv line 3, column 6 (vcpu): not a whole number: 'four'");
  }

  @Test
  void anUnknownArchitectureNamesTheColumn() {
    assertThatThrownBy(() -> read(M5.replace("amd64", "x86")))
        .hasMessageContaining("types.csv line 2, column 8 (arch): unknown architecture 'x86'");
  }

  @Test
  void aNegativePriceNamesTheColumn() {
    assertThatThrownBy(() -> read(M5.replace("0.192000", "-0.19")))
        .hasMessageContaining("types.csv line 2, column 22 (od_price_usd_hour_us_east_1)")
        .hasMessageContaining("negative price");
  }

  @Test
  void aShortRowNamesTheFirstMissingColumn() {
    assertThatThrownBy(() -> read("m5.xlarge,m5,m,5"))
        .hasMessage("types.csv line 2, column 5 (size): missing value");
  }

  @Test
  void aTypeGivenTwiceIsAnError() {
    assertThatThrownBy(() -> read(M5, G4DN, M5))
        .hasMessageContaining("types.csv line 4, column 1 (instance_type)")
        .hasMessageContaining("already given on line 2");
  }

  @Test
  void everyBadRowIsReportedAtOnce() {
    assertThatThrownBy(() -> read(M5.replace("amd64", "?"), G4DN.replace(",5000,", ",fast,")))
        .isInstanceOfSatisfying(
            CatalogDataException.class,
            e ->
                assertThat(e.errors())
                    .extracting(err -> err.line() + ":" + err.columnName())
                    .containsExactly("2:arch", "3:network_bandwidth_mbps"));
  }
}
