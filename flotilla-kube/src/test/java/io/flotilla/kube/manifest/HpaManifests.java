package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.workload.Autoscaler;
import java.nio.file.Path;

/** HorizontalPodAutoscaler manifests for the tests, beside the Deployment they scale. */
final class HpaManifests {
  private HpaManifests() {}

  private static final String TARGET =
      """
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: team}
      spec:
        replicas: 3
        template:
          metadata:
            labels: {app: web}
          spec:
            containers: [{name: a, image: x, resources: {requests: {cpu: 100m}}}]
      """;

  /** An HPA of Deployment team/web at 2..10; {@code rest} of its spec starts on line 13. */
  static String hpa(String version, String rest) {
    return "apiVersion: autoscaling/"
        + version
        + "\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: scaler\n  namespace: team\n"
        + "spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n"
        + "    name: web\n  minReplicas: 2\n  maxReplicas: 10\n"
        + rest;
  }

  static String cpu(String target) {
    return "  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target: "
        + target
        + "\n";
  }

  /** The HPA and its Deployment written to {@code hpa.yaml} in {@code dir}. */
  static Path file(Path dir, String yaml) {
    return Fixtures.write(dir, "hpa.yaml", yaml + TARGET);
  }

  static Autoscaler only(Manifests m) {
    assertThat(m.autoscalers()).hasSize(1);
    return m.autoscalers().get(0);
  }
}
