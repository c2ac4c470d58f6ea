package io.flotilla.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Empty input exits 2 with a clear message instead of printing an empty plan; {@code -f -} reads
 * standard input; a duplicate key exits 2 naming the line.
 */
class PlanInputSourcesTest {
  private static final String POD =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
          + "spec: {containers: [{name: a, image: x, resources: {requests: {cpu: 100m}}}]}\n";
  private static final String POOL =
      """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: general}
      spec:
        template:
          spec:
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
            requirements:
              - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}
      ---
      apiVersion: karpenter.k8s.aws/v1
      kind: EC2NodeClass
      metadata: {name: default}
      spec:
        amiSelectorTerms: [{alias: al2023@latest}]
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /** Runs the command with {@code stdin} as the process's standard input. */
  private static CliRun withStdin(String stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return CliRun.of(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void anEmptyDirectoryExitsTwoNamingIt() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("manifests"));

    CliRun run = CliRun.of("plan", "-f", empty.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: "
                + empty
                + ": the directory holds no *.yaml, *.yml or *.json file"
                + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anEmptyFileExitsTwoNamingIt() throws IOException {
    Path comments = write("empty.yaml", "# to do\n---\n");

    CliRun run = CliRun.of("plan", "-f", comments.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: " + comments + ": no manifest in it (empty, or only comments)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void inputWithNoPodsAndNoPoolsExitsTwo() throws IOException {
    Path config =
        write("config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {}\n");

    CliRun run = CliRun.of("plan", "-f", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "error: nothing to plan: the input has no pod, workload or node pool"
                + " (found only ConfigMap x1)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void dashReadsTheManifestsFromStandardInput() throws IOException {
    Path pool = write("pool.yaml", POOL);

    CliRun run = withStdin(POD, "plan", "-o", "json", "-f", "-", "-f", pool.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("\"default/p\"");
  }

  @Test
  void errorsOnStandardInputNameIt() {
    CliRun run = withStdin(POD.replace("100m", "lots"), "plan", "-f", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: <stdin>:4: document 1 (Pod/p): spec.containers[0].resources");
  }

  @Test
  void aDuplicateKeyExitsTwoNamingTheLine() throws IOException {
    Path pod =
        write("pod.yaml", POD.replace("metadata: {name: p}", "metadata: {name: p, name: q}"));

    CliRun run = CliRun.of("plan", "-f", pod.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "error: "
                + pod
                + ":3: document 1 (Pod/p): metadata.name: duplicate key (first given at line 3)");
  }
}
