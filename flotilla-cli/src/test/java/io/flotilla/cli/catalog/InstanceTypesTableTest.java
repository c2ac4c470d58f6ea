package io.flotilla.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceTypesTableTest {
  @Test
  void theTableHasAHeaderAndAlignedColumns() {
    CliRun run =
        CliRun.of(
            "instance-types",
            "--arch",
            "arm64",
            "--min-vcpu",
            "4",
            "--min-memory",
            "16Gi",
            "--zone",
            "us-east-1a");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("INSTANCE TYPE")
        .contains(
            "ARCH",
            "VCPU",
            "MEMORY",
            "GPUS",
            "MAX PODS",
            "ZONE",
            "CAPACITY",
            "USD/HOUR",
            "BAND",
            "SOURCE");
    int zoneColumn = lines.get(0).indexOf("ZONE");
    assertThat(lines.subList(1, lines.size()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.substring(zoneColumn)).startsWith("us-east-1a"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("m6g.xlarge ")
                    .contains(" arm64 ", " 16Gi ", " spot ", "0.0")
                    .containsPattern(" >20% +modelled$"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("m6g.xlarge ")
                    .contains(" on-demand ")
                    .containsPattern(" - +published$"));
  }

  @Test
  void theTableIsTheSameEveryRun() {
    String[] args = {"instance-types", "--min-vcpu", "8", "--capacity-type", "spot"};
    assertThat(CliRun.of(args).out()).isEqualTo(CliRun.of(args).out());
  }
}
