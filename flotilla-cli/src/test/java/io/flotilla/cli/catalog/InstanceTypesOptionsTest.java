package io.flotilla.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceTypesOptionsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "--arch, x86, expected amd64 or arm64",
    "--min-vcpu, -1, must not be negative",
    "--min-vcpu, many, expected a whole number",
    "--min-memory, 16GB, expected a Kubernetes quantity",
    "--capacity-type, reserved, expected spot or on-demand",
    "--zone, us-east-1z, expected one of [us-east-1a",
    "--output, yaml, expected table or json",
  })
  void aBadOptionValueIsAClearErrorWithANonZeroExit(String option, String value, String message) {
    CliRun run = CliRun.of("instance-types", option, value);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(option).contains(message);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBadPriceFileNamesFileLineAndColumn() throws IOException {
    Path prices =
        Files.writeString(
            dir.resolve("p.csv"),
            "instance_type,zone,capacity_type,price_usd_hour\nm5.xlarge,us-east-1a,spot,-1\n");
    CliRun run = CliRun.of("instance-types", "--prices", prices.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains("Invalid --prices file: " + prices + " line 2, column 4 (price_usd_hour)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theCatalogOptionsLoadTheCatalogOnce() {
    CatalogOptions options = new CatalogOptions();
    assertThat(options.catalog()).isSameAs(options.catalog());
    assertThat(options.catalog().types()).hasSize(1363);
  }
}
