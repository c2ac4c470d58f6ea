package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Standard input as {@code -}, and empty input as an error rather than an empty plan. */
class InputSourcesTest {
  private static final Path DASH = Path.of("-");

  @TempDir Path dir;

  private static InputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Manifests read(InputStream stdin, Path... inputs) throws ManifestException {
    return new ManifestReader(ReadOptions.defaults(), stdin).read(List.of(inputs));
  }

  private static ManifestException fails(InputStream stdin, Path... inputs) {
    return catchThrowableOfType(ManifestException.class, () -> read(stdin, inputs));
  }

  private ManifestException fails(Path... inputs) {
    return fails(stdin(""), inputs);
  }

  @Test
  void dashReadsStandardInputOnceEvenWhenGivenTwice() throws Exception {
    Path file = Fixtures.write(dir, "other.yaml", Fixtures.A_POD.replace("some-pod", "from-file"));

    Manifests m = read(stdin(Fixtures.A_POD), DASH, file, DASH);

    assertThat(m.pods()).extracting(p -> p.id().name()).containsExactly("some-pod", "from-file");
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void standardInputIsNamedInMessagesAndJsonIsRecognised() throws Exception {
    ManifestException e =
        fails(
            stdin(
                Fixtures.A_POD.replace("image: x", "image: x, resources: {requests: {cpu: lots}}")),
            DASH);
    Manifests json =
        read(
            stdin(
                "  {\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"j\"},\n"
                    + "   \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"x\"}]}}\n"),
            DASH);

    assertThat(e.file()).isEqualTo(Path.of("<stdin>"));
    assertThat(e.getMessage()).startsWith("<stdin>:4: document 1 (Pod/some-pod): ");
    assertThat(json.pods()).extracting(p -> p.id().name()).containsExactly("j");
  }

  @Test
  void aDirectoryWithoutManifestFilesIsAnError() {
    Fixtures.write(dir, "README.md", "# not a manifest\n");

    ManifestException e = fails(dir);

    assertThat(e.file()).isEqualTo(dir);
    assertThat(e.getMessage())
        .isEqualTo(dir + ": the directory holds no *.yaml, *.yml or *.json file");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "# only a comment\n", "---\n---\n", "\n\n# a\n---\n# b\n...\n"})
  void aNamedFileWithoutDocumentsIsAnError(String text) {
    Path file = Fixtures.write(dir, "empty.yaml", text);

    ManifestException e = fails(file);

    assertThat(e.file()).isEqualTo(file);
    assertThat(e.getMessage()).isEqualTo(file + ": no manifest in it (empty, or only comments)");
  }

  @Test
  void emptyStandardInputIsAnError() {
    ManifestException e = fails(stdin(""), DASH);

    assertThat(e.getMessage()).isEqualTo("<stdin>: no manifest in it (empty, or only comments)");
  }

  @Test
  void anEmptyFileFoundInADirectoryIsOnlyAWarning() throws Exception {
    Fixtures.write(dir, "a-empty.yaml", "# nothing yet\n");
    Fixtures.write(dir, "b-pod.yaml", Fixtures.A_POD);

    Manifests m = read(stdin(""), dir);

    assertThat(m.pods()).hasSize(1);
    assertThat(m.warnings())
        .containsExactly(
            dir.resolve("a-empty.yaml") + ": no manifest in it (empty, or only comments); skipped");
  }

  @Test
  void inputWithoutPodsWorkloadsOrPoolsIsAnErrorSayingWhatItHeld() {
    Path file =
        Fixtures.write(
            dir,
            "config.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {a: b}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: n1}
            status: {capacity: {cpu: "2", memory: 4Gi, pods: "10"}}
            """);

    ManifestException e = fails(file);

    assertThat(e.file()).isNull();
    assertThat(e.getMessage())
        .isEqualTo(
            "nothing to plan: the input has no pod, workload or node pool"
                + " (found only ConfigMap x1, Node x1)");
  }

  @Test
  void aWorkloadScaledToZeroOrAPoolAloneIsSomethingToPlan() throws Exception {
    Path scaledDown =
        Fixtures.write(
            dir,
            "zero.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 0
              template: {spec: {containers: [{name: a, image: x}]}}
            """);
    Path pool =
        Fixtures.write(
            dir,
            "pool.yaml",
            """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: general}
            spec:
              template:
                spec:
                  nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
            """);

    assertThat(read(stdin(""), scaledDown).pods()).isEmpty();
    assertThat(read(stdin(""), pool).nodePools()).hasSize(1);
  }
}
