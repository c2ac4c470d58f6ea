package io.flotilla.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error naming the file, line and field, and exit code 2. */
class PlanInputErrorsTest {
  @TempDir Path dir;

  @Test
  void anInvalidQuantityNamesFileLineAndField() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: app
              image: nginx
              resources:
                requests:
                  cpu: lots
        """);
    CliRun run = CliRun.of("plan", "-f", f.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("bad.yaml:11")
        .contains("document 1")
        .contains("spec.containers[0].resources.requests.cpu")
        .contains("lots");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingFileIsReported() {
    CliRun run = CliRun.of("plan", "-f", dir.resolve("nope.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope.yaml");
  }

  @Test
  void aBadImageArchitecturesFileNamesTheImageAndValue() throws IOException {
    Path images = dir.resolve("images.yaml");
    Files.writeString(images, "repo/app:1: [amd64, sparc]\n");
    Path pod = dir.resolve("pod.yaml");
    Files.writeString(
        pod,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: repo/app:1\n");
    CliRun run =
        CliRun.of("plan", "-f", pod.toString(), "--image-architectures", images.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("images.yaml").contains("repo/app:1").contains("sparc");
  }

  @Test
  void anImageBuiltOnlyForAmd64NeverLandsOnArm() throws IOException {
    Path images = dir.resolve("images.yaml");
    Files.writeString(images, "repo/app:1: [amd64]\n");
    Path pod = dir.resolve("pod.yaml");
    Files.writeString(
        pod,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: repo/app:1
            resources:
              requests: {cpu: "1", memory: 1Gi}
        ---
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: graviton
        spec:
          template:
            spec:
              requirements:
              - key: kubernetes.io/arch
                operator: In
                values: [arm64]
              nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
        """);
    var plan =
        PlanJsonFixture.plan("-f", pod.toString(), "--image-architectures", images.toString());
    assertThat(plan.get("nodes")).isEmpty();
    assertThat(plan.get("unschedulable").get(0).get("reason").asText()).contains("amd64");
  }
}
