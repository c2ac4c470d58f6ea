package io.flotilla.kube.manifest;

import static io.flotilla.kube.manifest.HpaManifests.cpu;
import static io.flotilla.kube.manifest.HpaManifests.hpa;
import static io.flotilla.kube.manifest.HpaManifests.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.ScalingBehavior;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HPA's {@code behavior} read into its {@link Autoscaler}, unset parts at the defaults. */
class AutoscalerBehaviorTest {
  @TempDir Path dir;

  private Manifests read(String yaml) throws ManifestException {
    return Fixtures.read(HpaManifests.file(dir, yaml));
  }

  @Test
  void v2UtilizationAndScaleDownWindowAreRead() throws Exception {
    Manifests m =
        read(
            hpa(
                "v2",
                cpu("{type: Utilization, averageUtilization: 60}")
                    + "  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 60\n"));

    ScalingBehavior.Rules down =
        new ScalingBehavior.Rules(
            Duration.ofSeconds(60),
            ScalingBehavior.Select.MAX,
            ScalingBehavior.defaultScaleDown().policies());
    assertThat(only(m))
        .isEqualTo(
            new Autoscaler("team", "scaler", "Deployment/web", 2, 10, 60, Duration.ofSeconds(60))
                .withBehavior(new ScalingBehavior(ScalingBehavior.defaultScaleUp(), down)));
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void aFullBehaviorIsReadWithEveryPolicyAndTheUnsetPartsAtKubernetesDefaults() throws Exception {
    Autoscaler a =
        only(
            read(
                hpa(
                    "v2",
                    cpu("{type: Utilization, averageUtilization: 35}")
                        + "  behavior:\n"
                        + "    scaleUp:\n"
                        + "      stabilizationWindowSeconds: 120\n"
                        + "      selectPolicy: Min\n"
                        + "      policies:\n"
                        + "        - {type: Pods, value: 2, periodSeconds: 60}\n"
                        + "        - {type: Percent, value: 50, periodSeconds: 30}\n"
                        + "    scaleDown:\n"
                        + "      selectPolicy: Disabled\n")));

    ScalingBehavior b = a.behavior().orElseThrow();
    assertThat(b.scaleUp())
        .isEqualTo(
            new ScalingBehavior.Rules(
                Duration.ofSeconds(120),
                ScalingBehavior.Select.MIN,
                List.of(
                    new ScalingBehavior.Policy(
                        ScalingBehavior.PolicyType.PODS, 2, Duration.ofSeconds(60)),
                    new ScalingBehavior.Policy(
                        ScalingBehavior.PolicyType.PERCENT, 50, Duration.ofSeconds(30)))));
    assertThat(b.scaleDown().select()).isEqualTo(ScalingBehavior.Select.DISABLED);
    assertThat(b.scaleDown().stabilization()).isEqualTo(Autoscaler.DEFAULT_STABILIZATION);
    assertThat(b.scaleDown().policies()).isEqualTo(ScalingBehavior.defaultScaleDown().policies());
    assertThat(a.scaleDownStabilization()).isEqualTo(Autoscaler.DEFAULT_STABILIZATION);
  }

  @Test
  void anHpaWithoutBehaviorHasNone() throws Exception {
    Autoscaler a = only(read(hpa("v2", cpu("{type: Utilization, averageUtilization: 35}"))));
    assertThat(a.behavior()).isEmpty();
  }
}
