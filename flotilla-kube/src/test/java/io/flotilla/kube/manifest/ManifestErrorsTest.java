package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestErrorsTest {
  /** Every case file starts with this document, so the faulty one is document 2. */
  private static final String FIRST =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      ---
      """;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: %s
        template:
          spec:
            containers:
              - name: app
                image: nginx
                resources:
                  requests:
                    cpu: %s
      """;

  private static final String POD_WITH =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
          - name: app
            image: nginx
      %s""";

  private static final String NODE_POOL =
      """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata:
        name: pool
      spec:
        weight: %s
        template:
          spec:
            nodeClassRef:
              group: karpenter.k8s.aws
              kind: EC2NodeClass
              name: default
            expireAfter: %s
            requirements:
              - key: %s
                operator: In
                values: ["%s"]
      """;

  @TempDir Path dir;

  static Stream<Arguments> faultyDocuments() {
    return Stream.of(
        Arguments.of(
            "bad quantity",
            DEPLOYMENT.formatted("2", "abc"),
            14,
            "spec.template.spec.containers[0].resources.requests.cpu",
            "invalid quantity 'abc'",
            "Deployment/web"),
        Arguments.of(
            "replicas of the wrong type",
            DEPLOYMENT.formatted("abc", "1"),
            6,
            "spec.replicas",
            "expected an integer, got 'abc'",
            "Deployment/web"),
        Arguments.of(
            "negative replicas",
            DEPLOYMENT.formatted("-1", "1"),
            6,
            "spec.replicas",
            "must not be negative, got -1",
            "Deployment/web"),
        Arguments.of(
            "bad node affinity operator",
            POD_WITH.formatted(
                """
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                      - matchExpressions:
                          - key: kubernetes.io/arch
                            operator: Inn
                            values: [arm64]
            """),
            15,
            "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                + ".nodeSelectorTerms[0].matchExpressions[0].operator",
            "unknown operator 'Inn'",
            "Pod/p"),
        Arguments.of(
            "bad toleration effect",
            POD_WITH.formatted(
                """
              tolerations:
                - key: cpu-architecture
                  operator: Equal
                  value: arm64
                  effect: NoSchedul
            """),
            13,
            "spec.tolerations[0].effect",
            "unknown taint effect 'NoSchedul'",
            "Pod/p"),
        Arguments.of(
            "bad whenUnsatisfiable",
            POD_WITH.formatted(
                """
              topologySpreadConstraints:
                - maxSkew: 1
                  topologyKey: topology.kubernetes.io/zone
                  whenUnsatisfiable: DoNotScheduleX
                  labelSelector:
                    matchLabels: {app: p}
            """),
            12,
            "spec.topologySpreadConstraints[0].whenUnsatisfiable",
            "unknown whenUnsatisfiable 'DoNotScheduleX'",
            "Pod/p"),
        Arguments.of(
            "bad arch in a nodeSelector",
            POD_WITH.formatted(
                """
              nodeSelector:
                kubernetes.io/arch: arm
            """),
            10,
            "spec.nodeSelector[kubernetes.io/arch]",
            "unknown kubernetes.io/arch value 'arm'",
            "Pod/p"),
        Arguments.of(
            "bad capacity type",
            NODE_POOL.formatted("10", "168h", "karpenter.sh/capacity-type", "spoot"),
            17,
            "spec.template.spec.requirements[0].values[0]",
            "unknown karpenter.sh/capacity-type value 'spoot' (expected spot, on-demand, reserved)",
            "NodePool/pool"),
        Arguments.of(
            "bad os",
            NODE_POOL.formatted("10", "168h", "kubernetes.io/os", "linus"),
            17,
            "spec.template.spec.requirements[0].values[0]",
            "unknown kubernetes.io/os value 'linus'",
            "NodePool/pool"),
        Arguments.of(
            "weight out of range",
            NODE_POOL.formatted("150", "168h", "kubernetes.io/os", "linux"),
            6,
            "spec.weight",
            "must be 1..100, got 150",
            "NodePool/pool"),
        Arguments.of(
            "unparseable duration",
            NODE_POOL.formatted("10", "7days", "kubernetes.io/os", "linux"),
            13,
            "spec.template.spec.expireAfter",
            "invalid duration '7days'",
            "NodePool/pool"),
        Arguments.of(
            "Gt without an integer",
            NODE_POOL
                .formatted("10", "168h", "kubernetes.io/os", "linux")
                .replace("operator: In", "operator: Gt")
                .replace("key: kubernetes.io/os", "key: karpenter.k8s.aws/instance-cpu")
                .replace("[\"linux\"]", "[\"four\"]"),
            17,
            "spec.template.spec.requirements[0].values",
            "needs an integer value, got 'four'",
            "NodePool/pool"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faultyDocuments")
  void faultyDocumentNamesFileDocumentLineAndField(
      String name,
      String document,
      int lineInDocument,
      String fieldPath,
      String problem,
      String subject) {
    Path file = Fixtures.write(dir, "case.yaml", FIRST + document);

    ManifestException e = readFails(file);

    int line = lineInDocument + 5;
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.documentIndex()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.fieldPath()).isEqualTo(fieldPath);
    assertThat(e.subject()).isEqualTo(subject);
    assertThat(e.problem()).contains(problem);
    assertThat(e.getMessage())
        .startsWith(file + ":" + line + ": document 2 (" + subject + "): " + fieldPath + ": ");
  }

  @Test
  void badQuantityMessageReadsLikeTheContract() {
    Path file = Fixtures.write(dir, "flink-arm.yaml", FIRST + DEPLOYMENT.formatted("1", "abc"));

    assertThat(readFails(file).getMessage())
        .isEqualTo(
            file
                + ":19: document 2 (Deployment/web): "
                + "spec.template.spec.containers[0].resources.requests.cpu: invalid quantity 'abc'");
  }

  @Test
  void yamlSyntaxErrorNamesTheDocumentAndLine() {
    Path file =
        Fixtures.write(
            dir,
            "broken.yaml",
            FIRST
                + """
        apiVersion: v1
        kind: Pod
        metadata:
          labels: [a, b
          name: p
        """);

    ManifestException e = readFails(file);

    assertThat(e.documentIndex()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(10);
    assertThat(e.problem()).startsWith("YAML syntax error: ");
    assertThat(e.getMessage()).startsWith(file + ":10: document 2: YAML syntax error");
  }

  @Test
  void missingKindIsAnErrorAtTheDocument() {
    Path file =
        Fixtures.write(
            dir,
            "nokind.yaml",
            FIRST
                + """
        apiVersion: v1
        metadata:
          name: p
        """);

    ManifestException e = readFails(file);

    assertThat(e.documentIndex()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.fieldPath()).isEqualTo("kind");
    assertThat(e.getMessage()).isEqualTo(file + ":6: document 2 (p): kind: missing");
  }

  @Test
  void missingApiVersionIsAnError() {
    Path file = Fixtures.write(dir, "noversion.yaml", "kind: Pod\nmetadata:\n  name: p\n");

    ManifestException e = readFails(file);

    assertThat(e.documentIndex()).isEqualTo(1);
    assertThat(e.fieldPath()).isEqualTo("apiVersion");
    assertThat(e.problem()).isEqualTo("missing");
  }

  @Test
  void documentThatIsNotAMappingIsAnError() {
    Path file = Fixtures.write(dir, "list.yaml", FIRST + "- just\n- a list\n");

    ManifestException e = readFails(file);

    assertThat(e.documentIndex()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.problem()).contains("expected a mapping");
  }

  @Test
  void wrongStructureNamesTheExpectedShape() {
    Path file =
        Fixtures.write(
            dir,
            "shape.yaml",
            """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            name: app
        """);

    ManifestException e = readFails(file);

    assertThat(e.fieldPath()).isEqualTo("spec.containers");
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.problem()).isEqualTo("expected a list, got a mapping");
  }

  @Test
  void missingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("nope.yaml");

    ManifestException e = readFails(missing);

    assertThat(e.documentIndex()).isZero();
    assertThat(e.getMessage()).isEqualTo(missing + ": no such file or directory");
  }

  @Test
  void jsonSyntaxErrorNamesTheLine() {
    Path file =
        Fixtures.write(dir, "pod.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": Pod\n}\n");

    ManifestException e = readFails(file);

    assertThat(e.documentIndex()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.problem()).startsWith("JSON syntax error");
  }

  @Test
  void errorInAListItemNamesTheItemPath() {
    Path file =
        Fixtures.write(
            dir,
            "nodes.yaml",
            """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Node
            metadata:
              name: n1
            status:
              capacity:
                cpu: four
        """);

    ManifestException e = readFails(file);

    assertThat(e.documentIndex()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(10);
    assertThat(e.fieldPath()).isEqualTo("items[0].status.capacity.cpu");
    assertThat(e.subject()).isEqualTo("Node/n1");
  }

  private static ManifestException readFails(Path file) {
    return catchThrowableOfType(ManifestException.class, () -> Fixtures.read(file));
  }
}
