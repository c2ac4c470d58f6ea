package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unknown field names are warned at their own path and line, however deep and whatever kind. */
class UnknownFieldPathsTest {
  @TempDir Path dir;

  private List<String> warnings(String name, String yaml) throws ManifestException {
    Path file = Fixtures.write(dir, name, yaml);
    String prefix = file + ":";
    return Fixtures.read(file).warnings().stream()
        .map(w -> w.startsWith(prefix) ? w.substring(prefix.length()) : w)
        .toList();
  }

  @Test
  void nestedUnknownFieldsInsideListsOfAKubernetesKind() throws Exception {
    List<String> warnings =
        warnings(
            "deploy.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - name: a
                      image: x
                    - name: b
                      image: y
                      extraArgs: [[--a, --b], {c: d}]
                      ports:
                        - containerPort: 80
                          hostPortz: 8080
                      resources:
                        requests: {cpu: 1}
                        limitz: {cpu: 2}
                  tolerations:
                    - {key: a, operator: Exists, effect: NoSchedule}
                    - {key: b, operator: Exists, tolerationSeconds2: [1]}
                  nodeSelectorz: [x]
            """);

    String at = " document 1 (Deployment/web): spec.template.spec.";
    assertThat(warnings)
        .containsExactlyInAnyOrder(
            "12:" + at + "containers[1].extraArgs: unknown field, ignored",
            "15:" + at + "containers[1].ports[0].hostPortz: unknown field, ignored",
            "18:" + at + "containers[1].resources.limitz: unknown field, ignored",
            "21:" + at + "tolerations[1].tolerationSeconds2: unknown field, ignored",
            "22:" + at + "nodeSelectorz: unknown field, ignored");
  }

  @Test
  void nestedUnknownFieldsInsideListsOfAKarpenterKind() throws Exception {
    List<String> warnings =
        warnings(
            "pool.yaml",
            """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: general}
            spec:
              template:
                spec:
                  nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
                  requirements:
                    - {key: karpenter.sh/capacity-type, operator: In, values: [spot]}
                    - key: kubernetes.io/arch
                      operator: In
                      values: [arm64]
                      minValue: [2]
                  taintz:
                    - {key: a, effect: NoSchedule}
              disruption:
                budgets:
                  - nodes: "10%"
                  - {nodes: "1", reason: [Empty]}
            """);

    String at = " document 1 (NodePool/general): spec.";
    assertThat(warnings)
        .contains(
            "13:" + at + "template.spec.requirements[1].minValue: unknown field, ignored",
            "14:" + at + "template.spec.taintz: unknown field, ignored",
            "19:" + at + "disruption.budgets[1].reason: unknown field, ignored")
        .noneMatch(w -> w.contains("]["));
  }
}
