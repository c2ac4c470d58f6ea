package io.flotilla.kube.manifest;

import static io.flotilla.kube.manifest.Fixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.core.workload.Autoscaler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HorizontalPodAutoscalers read into {@link Manifests#autoscalers()}. */
class AutoscalersTest {
  @TempDir Path dir;

  private static String hpa(String version, String rest) {
    return HpaManifests.hpa(version, rest);
  }

  private static String cpu(String target) {
    return HpaManifests.cpu(target);
  }

  private Path file(String yaml) {
    return HpaManifests.file(dir, yaml);
  }

  private Manifests read(String yaml) throws ManifestException {
    return Fixtures.read(file(yaml));
  }

  private static Autoscaler only(Manifests m) {
    return HpaManifests.only(m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flink-arm.yaml", "flink-x86.yaml"})
  void flinkFixtureScalesTheTaskManagersAtThirtyFivePercent(String fixture) throws Exception {
    Manifests m = Fixtures.read(seed(fixture));

    assertThat(m.autoscalers())
        .containsExactly(
            new Autoscaler(
                "default",
                "flink-taskmanager",
                "Deployment/flink-taskmanager",
                1,
                25,
                35,
                Autoscaler.DEFAULT_STABILIZATION));
    // The owner string is the one the target's pods carry.
    assertThat(m.pods())
        .anySatisfy(p -> assertThat(p.owner()).isEqualTo(m.autoscalers().get(0).targetOwner()));
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void v2beta2IsReadLikeV2() throws Exception {
    Autoscaler a =
        only(
            read(
                hpa(
                    "v2beta2",
                    cpu("{type: Utilization, averageUtilization: 50}")
                        + "  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 0\n")));

    assertThat(a.targetCpuUtilization()).isEqualTo(50);
    assertThat(a.scaleDownStabilization()).isEqualTo(Duration.ZERO);
  }

  @Test
  void v2beta1SpellsTheTargetAsTargetAverageUtilization() throws Exception {
    Autoscaler a =
        only(
            read(
                hpa(
                    "v2beta1",
                    "  metrics:\n    - type: Resource\n"
                        + "      resource: {name: cpu, targetAverageUtilization: 70}\n")));

    assertThat(a.targetCpuUtilization()).isEqualTo(70);
    assertThat(a.scaleDownStabilization()).isEqualTo(Autoscaler.DEFAULT_STABILIZATION);
  }

  @Test
  void v1TargetCpuUtilizationPercentageIsTheTarget() throws Exception {
    Autoscaler a = only(read(hpa("v1", "  targetCPUUtilizationPercentage: 45\n")));

    assertThat(a.targetCpuUtilization()).isEqualTo(45);
    assertThat(a.scaleDownStabilization()).isEqualTo(Autoscaler.DEFAULT_STABILIZATION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void noMetricMeansEightyPercentWithoutAWarning(String version) throws Exception {
    Manifests m = read(hpa(version, ""));

    assertThat(only(m).targetCpuUtilization()).isEqualTo(Autoscaler.DEFAULT_CPU_UTILIZATION);
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void onlyNonCpuMetricsKeepTheHpaAtTheDefaultWithAWarning() throws Exception {
    Path file =
        file(
            hpa(
                "v2",
                "  metrics:\n    - type: Pods\n      pods:\n        metric: {name: rps}\n"
                    + "        target: {type: AverageValue, averageValue: '10'}\n"));

    Manifests m = Fixtures.read(file);

    assertThat(only(m).targetCpuUtilization()).isEqualTo(Autoscaler.DEFAULT_CPU_UTILIZATION);
    assertThat(only(m).maxReplicas()).isEqualTo(10);
    assertThat(m.warnings())
        .containsExactly(
            file
                + ":14: document 1 (HorizontalPodAutoscaler/scaler): spec.metrics[0]: only CPU"
                + " utilisation is modelled: this Pods metric is ignored; with no CPU utilisation"
                + " target the HPA is simulated at 80% CPU");
  }

  @Test
  void cpuBesideOtherMetricsIsUsedAndTheOthersAreWarned() throws Exception {
    Manifests m =
        read(
            hpa(
                "v2",
                cpu("{type: Utilization, averageUtilization: 60}")
                    + "    - type: Resource\n      resource:\n        name: memory\n"
                    + "        target: {type: Utilization, averageUtilization: 70}\n"));

    assertThat(only(m).targetCpuUtilization()).isEqualTo(60);
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .endsWith(
            "spec.metrics[1]: only CPU utilisation is modelled: this Resource metric"
                + " (memory) is ignored");
  }

  @Test
  void cpuAverageValueTargetIsNotModelledAndFallsBackToTheDefault() throws Exception {
    Manifests m = read(hpa("v2", cpu("{type: AverageValue, averageValue: 500m}")));

    assertThat(only(m).targetCpuUtilization()).isEqualTo(Autoscaler.DEFAULT_CPU_UTILIZATION);
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("this CPU target of type AverageValue is ignored");
  }

  @Test
  void theLowestOfSeveralCpuTargetsWins() throws Exception {
    Manifests m =
        read(
            hpa(
                "v2",
                cpu("{type: Utilization, averageUtilization: 60}")
                    + "    - type: Resource\n      resource:\n        name: cpu\n"
                    + "        target: {type: Utilization, averageUtilization: 40}\n"));

    assertThat(only(m).targetCpuUtilization()).isEqualTo(40);
  }

  @Test
  void hpaWhoseTargetIsNotInTheInputIsStillAnAutoscaler() throws Exception {
    Manifests m =
        Fixtures.read(
            Fixtures.write(
                dir,
                "hpa.yaml",
                hpa("v2", "").replace("name: web", "name: gone") + "---\n" + Fixtures.A_POD));

    assertThat(only(m).targetOwner()).isEqualTo("Deployment/gone");
    assertThat(m.warnings()).singleElement().asString().contains("is not in the input");
  }

  @Test
  void laterDefinitionReplacesTheEarlierWithOneWarning() throws Exception {
    String first = hpa("v2", cpu("{type: Utilization, averageUtilization: 60}"));
    Manifests m =
        read(first + "---\n" + first.replace("averageUtilization: 60", "averageUtilization: 30"));

    assertThat(only(m).targetCpuUtilization()).isEqualTo(30);
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("HorizontalPodAutoscaler/scaler is also defined in");
  }

  @Test
  void hpaReplicaPolicyIsUnchanged() throws Exception {
    Path file = file(hpa("v2", cpu("{type: Utilization, averageUtilization: 60}")));

    Manifests max = Fixtures.read(ReadOptions.defaults().withReplicasAt(ReplicaPolicy.MAX), file);

    assertThat(max.pods()).hasSize(10);
    assertThat(max.autoscalers()).hasSize(1);
  }

  static Stream<Arguments> badAutoscalers() {
    return Stream.of(
        Arguments.of(
            "zero utilisation",
            hpa("v2", cpu("{type: Utilization, averageUtilization: 0}")),
            17,
            "spec.metrics[0].resource.target.averageUtilization",
            "must be greater than 0, got 0"),
        Arguments.of(
            "Utilization without a percentage",
            hpa("v2", cpu("{type: Utilization}")),
            17,
            "spec.metrics[0].resource.target.averageUtilization",
            "missing (the target type is Utilization)"),
        Arguments.of(
            "unknown target type",
            hpa("v2", cpu("{type: Percent, averageUtilization: 50}")),
            17,
            "spec.metrics[0].resource.target.type",
            "unknown target type 'Percent' (expected one of [AverageValue, Utilization, Value])"),
        Arguments.of(
            "cpu without a target",
            hpa("v2", "  metrics:\n    - type: Resource\n      resource: {name: cpu}\n"),
            15,
            "spec.metrics[0].resource.target",
            "missing: a target utilisation or value"),
        Arguments.of(
            "unknown metric type",
            hpa("v2", "  metrics:\n    - type: Memory\n"),
            14,
            "spec.metrics[0].type",
            "unknown metric type 'Memory' (expected one of"
                + " [ContainerResource, External, Object, Pods, Resource])"),
        Arguments.of(
            "metric without a type",
            hpa("v2", "  metrics:\n    - resource: {name: cpu}\n"),
            14,
            "spec.metrics[0].type",
            "missing"),
        Arguments.of(
            "Resource metric without its resource",
            hpa("v2beta2", "  metrics:\n    - type: Resource\n"),
            14,
            "spec.metrics[0].resource",
            "missing (the metric type is Resource)"),
        Arguments.of(
            "resource without a name",
            hpa(
                "v2",
                "  metrics:\n    - type: Resource\n      resource: {target: {type: Value}}\n"),
            15,
            "spec.metrics[0].resource.name",
            "missing"),
        Arguments.of(
            "negative scale-down window",
            hpa("v2", "  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: -1\n"),
            15,
            "spec.behavior.scaleDown.stabilizationWindowSeconds",
            "must be greater than or equal to zero, got -1"),
        Arguments.of(
            "scale-down window over an hour",
            hpa("v2beta2", "  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 3601\n"),
            15,
            "spec.behavior.scaleDown.stabilizationWindowSeconds",
            "must be less than or equal to 3600, got 3601"),
        Arguments.of(
            "unknown select policy",
            hpa("v2", "  behavior:\n    scaleUp:\n      selectPolicy: Fastest\n"),
            15,
            "spec.behavior.scaleUp.selectPolicy",
            "unknown select policy 'Fastest' (expected one of [Disabled, Max, Min])"),
        Arguments.of(
            "policy without a period",
            hpa(
                "v2beta2",
                "  behavior:\n    scaleUp:\n      policies:\n        - {type: Pods, value: 2}\n"),
            16,
            "spec.behavior.scaleUp.policies[0].periodSeconds",
            "missing"),
        Arguments.of(
            "policy of an unknown type",
            hpa(
                "v2",
                "  behavior:\n    scaleDown:\n      policies:\n"
                    + "        - {type: Nodes, value: 2, periodSeconds: 60}\n"),
            16,
            "spec.behavior.scaleDown.policies[0].type",
            "unknown policy type 'Nodes' (expected one of [Percent, Pods])"),
        Arguments.of(
            "policy period over 30 minutes",
            hpa(
                "v2",
                "  behavior:\n    scaleDown:\n      policies:\n"
                    + "        - {type: Percent, value: 10, periodSeconds: 1801}\n"),
            16,
            "spec.behavior.scaleDown.policies[0].periodSeconds",
            "must be between 1 and 1800, got 1801"),
        Arguments.of(
            "v1 zero percent",
            hpa("v1", "  targetCPUUtilizationPercentage: 0\n"),
            13,
            "spec.targetCPUUtilizationPercentage",
            "must be greater than 0, got 0"),
        Arguments.of(
            "v2beta1 cpu without a target",
            hpa("v2beta1", "  metrics:\n    - type: Resource\n      resource: {name: cpu}\n"),
            15,
            "spec.metrics[0].resource.targetAverageUtilization",
            "missing (nor is targetAverageValue set)"),
        Arguments.of(
            "v2beta1 zero percent",
            hpa(
                "v2beta1",
                "  metrics:\n    - type: Resource\n"
                    + "      resource: {name: cpu, targetAverageUtilization: 0}\n"),
            15,
            "spec.metrics[0].resource.targetAverageUtilization",
            "must be greater than 0, got 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAutoscalers")
  void badAutoscalerNamesFileLineAndField(
      String name, String yaml, int line, String field, String problem) {
    Path file = file(yaml);

    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Fixtures.read(file));

    assertThat(e).isNotNull();
    assertThat(e.fieldPath()).isEqualTo(field);
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.getMessage())
        .isEqualTo(
            file
                + ":"
                + line
                + ": document 1 (HorizontalPodAutoscaler/scaler): "
                + field
                + ": "
                + problem);
  }
}
