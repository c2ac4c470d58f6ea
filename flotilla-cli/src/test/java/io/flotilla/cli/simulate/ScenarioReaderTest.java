package io.flotilla.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
  @TempDir Path dir;

  @BeforeEach
  void manifests() throws IOException {
    Files.writeString(dir.resolve("app.yaml"), "kind: Deployment\n");
  }

  private Path scenario(String text) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, text);
    return file;
  }

  private Scenario read(String text) throws IOException {
    return new ScenarioReader().read(scenario(text));
  }

  @Test
  void readsEveryFieldWithManifestsResolvedAgainstTheScenarioDirectory() throws IOException {
    Scenario s =
        read(
            """
            name: demo
            manifests: [app.yaml]
            duration: 1d12h
            seed: 42
            strategy: karpenter-like
            checkpointOnWarning: false
            sampleEvery: 5m
            faults:
              - {at: 2h, pool: arm-spot, nodes: 5}
            scale:
              - {at: 10m, workload: Deployment/resnet, replicas: 6}
            cloud: {interruptionScale: 0, launchesPerSecond: 2, launchBurst: 20}
            jobs:
              Job/batch: {duration: 20m}
            """);
    assertThat(s.name()).isEqualTo("demo");
    assertThat(s.manifests()).containsExactly(dir.resolve("app.yaml").toAbsolutePath());
    assertThat(s.duration()).isEqualTo(Duration.ofHours(36));
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.strategy()).isEqualTo(StrategyName.KARPENTER_LIKE);
    assertThat(s.checkpointOnWarning()).isFalse();
    assertThat(s.sampleEvery()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.faults())
        .containsExactly(
            new Scenario.FaultStep(Duration.ofHours(2), "arm-spot", 5, Duration.ofMinutes(2)));
    assertThat(s.scaleSteps())
        .containsExactly(new Scenario.ScaleStep(Duration.ofMinutes(10), "Deployment/resnet", 6));
    assertThat(s.cloud().interruptionScale()).isZero();
    assertThat(s.cloud().launchBurst()).isEqualTo(20);
    assertThat(s.models().jobs())
        .containsEntry("Job/batch", new WorkloadModels.JobModel(Duration.ofMinutes(20), null));
  }

  @Test
  void defaultsAreFlotillaWithCheckpointsSeedOneAndAboutAThousandSamples() throws IOException {
    Scenario s = read("manifests: [app.yaml]\nduration: 30d\n");
    assertThat(s.name()).isEqualTo("s");
    assertThat(s.strategy()).isEqualTo(StrategyName.FLOTILLA);
    assertThat(s.checkpointOnWarning()).isTrue();
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.sampleEvery()).isEqualTo(Duration.ofDays(30).dividedBy(1000));
    assertThat(read("manifests: [app.yaml]\nduration: 1h\n").sampleEvery())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aMisspeltFieldIsAnErrorWithFileLineAndField() throws IOException {
    Path file = scenario("manifests: [app.yaml]\nduration: 1h\nfaultz: []\n");
    assertThatThrownBy(() -> new ScenarioReader().read(file))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(file + ":3: faultz: unknown field");
  }

  @Test
  void aBadValueNamesItsLineAndPath() throws IOException {
    Path file =
        scenario(
            """
            manifests: [app.yaml]
            duration: 1h
            faults:
              - at: 10m
                pool: arm
                nodes: 0
            """);
    assertThatThrownBy(() -> new ScenarioReader().read(file))
        .hasMessage(file + ":6: faults[0].nodes: must be between 1 and 100000, got 0");
  }

  @Test
  void badDurationsStrategiesOwnersAndTimesAreNamed() throws IOException {
    assertThatThrownBy(() -> read("manifests: [app.yaml]\nduration: ten minutes\n"))
        .hasMessageContaining(":2: duration: invalid duration 'ten minutes'");
    assertThatThrownBy(() -> read("manifests: [app.yaml]\nduration: 1h\nstrategy: cheapest\n"))
        .hasMessageContaining(":3: strategy: unknown strategy 'cheapest'");
    assertThatThrownBy(
            () ->
                read(
                    "manifests: [app.yaml]\nduration: 1h\nscale:\n"
                        + "  - {at: 5m, workload: resnet, replicas: 2}\n"))
        .hasMessageContaining(":4: scale[0].workload: expected Kind/name");
    assertThatThrownBy(
            () ->
                read(
                    "manifests: [app.yaml]\nduration: 1h\nfaults:\n"
                        + "  - {at: 2h, pool: p, nodes: 1}\n"))
        .hasMessageContaining(":4: faults[0].at: after the end of the run");
    assertThatThrownBy(() -> read("manifests: [app.yaml]\nduration: 1h\nwarmUp: 1h\n"))
        .hasMessageContaining(":3: warmUp: the warm-up must end before the run does");
    assertThat(read("manifests: [app.yaml]\nduration: 2h\nwarmUp: 30m\n").warmUp())
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void missingManifestsAndMissingFilesAreNamed() throws IOException {
    assertThatThrownBy(() -> read("duration: 1h\n")).hasMessageEndingWith("manifests: missing");
    assertThatThrownBy(() -> read("manifests: [nope.yaml]\nduration: 1h\n"))
        .hasMessageContaining(":1: manifests[0]: no such file or directory");
    assertThatThrownBy(() -> read("manifests: [app.yaml]\nduration: [1h]\n"))
        .hasMessageContaining(":2: duration: expected a text value, got a list");
  }

  @Test
  void malformedYamlIsNamedWithItsLine() throws IOException {
    assertThatThrownBy(() -> read("manifests: [app.yaml\nduration: 1h\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("s.yaml:");
  }
}
