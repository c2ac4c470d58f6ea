package io.flotilla.cli.plan;

import static io.flotilla.cli.plan.PlanJsonFixture.json;
import static io.flotilla.cli.plan.PlanJsonFixture.run;
import static io.flotilla.cli.plan.PlanJsonFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod whose image is not in {@code --image-architectures} may land on arm64, where a
 * single-architecture image would crash-loop: the user is warned, or keeps it on amd64.
 */
class UnknownImageArchitectureTest {
  @TempDir Path dir;
  private Path manifests;
  private Path images;

  @BeforeEach
  void write() throws IOException {
    manifests = dir.resolve("mystery.yaml");
    Files.writeString(
        manifests,
        """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: general
        spec:
          template:
            spec:
              requirements:
              - key: kubernetes.io/arch
                operator: In
                values: [amd64, arm64]
              nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
        ---
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata: {name: default}
        spec:
          role: KarpenterNodeRole
          amiSelectorTerms: [{alias: al2023@latest}]
          subnetSelectorTerms: [{tags: {karpenter.sh/discovery: c}}]
          securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: c}}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: mystery
        spec:
          replicas: 1
          selector: {matchLabels: {app: mystery}}
          template:
            metadata: {labels: {app: mystery}}
            spec:
              containers:
              - name: app
                image: repo/mystery:1
                resources:
                  requests: {cpu: "1", memory: 2Gi}
        """);
    images = dir.resolve("images.yaml");
    Files.writeString(images, "repo/known:1: [amd64, arm64]\n");
  }

  @Test
  void aPodOfUnknownImageArchitectureOnArm64IsNamedOnStderrAndInTheJson() {
    CliRun run = run("-f", manifests.toString(), "--image-architectures", images.toString());
    assertThat(run.exitCode()).isZero();
    JsonNode plan = json(run);
    assertThat(archesOfNewNodes(plan)).containsExactly("arm64");
    List<String> warnings = texts(plan.get("warnings"));
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("default/mystery-0")
        .contains("repo/mystery:1")
        .contains("arm64");
    assertThat(run.err()).contains("warning: " + warnings.get(0));
  }

  @Test
  void unknownImageArchAmd64KeepsThePodOnAmd64WithoutAWarning() {
    CliRun run =
        run(
            "-f",
            manifests.toString(),
            "--image-architectures",
            images.toString(),
            "--unknown-image-arch",
            "amd64");
    assertThat(run.exitCode()).isZero();
    JsonNode plan = json(run);
    assertThat(archesOfNewNodes(plan)).containsExactly("amd64");
    assertThat(plan.get("warnings")).isEmpty();
    assertThat(run.err()).doesNotContain("warning:");
  }

  @Test
  void aPodWhoseImagesAreKnownGetsNoWarning() throws IOException {
    Files.writeString(images, "repo/mystery:1: [amd64, arm64]\n");
    CliRun run = run("-f", manifests.toString(), "--image-architectures", images.toString());
    JsonNode plan = json(run);
    assertThat(archesOfNewNodes(plan)).containsExactly("arm64");
    assertThat(plan.get("warnings")).isEmpty();
  }

  private static List<String> archesOfNewNodes(JsonNode plan) {
    List<String> out = new ArrayList<>();
    PlanJsonFixture.newNodes(plan).forEach(n -> out.add(n.get("arch").asText()));
    return out;
  }
}
