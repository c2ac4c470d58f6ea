package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.core.pod.Pod;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReadingTest {
  private static final String POD =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: %s}\n"
          + "spec: {containers: [{name: a, image: x}]}\n";

  @TempDir Path dir;

  @Test
  void directoriesAreReadRecursivelyInSortedOrderOfManifestFilesOnly() throws Exception {
    Fixtures.write(dir, "b/second.yml", POD.formatted("second"));
    Fixtures.write(dir, "a/z-first.yaml", POD.formatted("first"));
    Fixtures.write(
        dir,
        "c.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"third\"},"
            + "\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\"}]}}");
    Fixtures.write(dir, "README.md", "not: [a manifest");
    Fixtures.write(dir, "notes.txt", "kind: nothing");

    Manifests m = Fixtures.read(dir);

    assertThat(m.pods()).extracting(p -> p.id().name()).containsExactly("first", "second", "third");
  }

  @Test
  void emptyDocumentsAreIgnoredButCounted() throws Exception {
    Path file =
        Fixtures.write(
            dir,
            "pods.yaml",
            "# comment only\n---\n---\n"
                + POD.formatted("a")
                + "---\n# nothing\n---\n"
                + POD.formatted("b").replace("name: b", "name: b, labels: {x: ")
                + "---\n");

    ManifestException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ManifestException.class, () -> Fixtures.read(file));

    assertThat(e.documentIndex()).isEqualTo(4);
  }

  @Test
  void listKindsAreExpandedAndJsonMayHoldSeveralObjects() throws Exception {
    Path list =
        Fixtures.write(
            dir,
            "list.yaml",
            "apiVersion: v1\nkind: List\nitems:\n"
                + POD.formatted("one").indent(2).replaceFirst("  apiVersion", "- apiVersion")
                + "- apiVersion: v1\n  kind: Service\n  metadata: {name: svc}\n");
    Path json =
        Fixtures.write(
            dir,
            "two.json",
            "{\"apiVersion\": \"v1\", \"kind\": \"PodList\", \"items\": [\n"
                + "\t{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"two\"},\n"
                + "\t \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"x\"}]}}]}\n"
                + "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}\n");

    Manifests m = Fixtures.read(list, json);

    assertThat(m.pods()).extracting(p -> p.id().name()).containsExactly("one", "two");
    assertThat(m.skippedKinds()).isEqualTo(Map.of("ConfigMap", 1, "Service", 1));
  }

  @Test
  void anchorsAliasesAndMergeKeysAreResolved() throws Exception {
    Manifests m =
        Fixtures.readText(
            dir,
            "anchors.yaml",
            """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: &labels {app: web, tier: front}
        spec:
          nodeSelector:
            <<: *labels
            tier: back
          containers:
            - &container {name: a, image: x, resources: {requests: {cpu: 100m}}}
            - {<<: *container, name: b}
        """);

    Pod p = m.pods().get(0);
    assertThat(p.labels()).isEqualTo(Map.of("app", "web", "tier", "front"));
    assertThat(p.nodeAffinity().requiredTerms().get(0).pinnedLabels())
        .containsExactly(Map.entry("app", "web"), Map.entry("tier", "back"));
    assertThat(p.requests().get("cpu")).isEqualTo(200);
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void mergeListsLetEarlierMappingsWinAndAliasesKeepTheirLines() throws Exception {
    Manifests m =
        Fixtures.readText(
            dir,
            "merge-list.yaml",
            """
        apiVersion: v1
        kind: Pod
        spec:
          nodeSelector: &first {zone: a, tier: front}
          containers:
            - &c {name: a, image: x, resourcez: {}}
            - *c
        metadata:
          name: p
          annotations: &second {zone: b, size: big}
          labels: {<<: [*first, *second], tier: back}
        """);

    assertThat(m.pods().get(0).labels())
        .isEqualTo(Map.of("zone", "a", "tier", "back", "size", "big"));
    assertThat(m.warnings())
        .containsExactly(
            dir.resolve("merge-list.yaml")
                + ":6: document 1 (Pod/p): spec.containers[0].resourcez: unknown field, ignored",
            dir.resolve("merge-list.yaml")
                + ":6: document 1 (Pod/p): spec.containers[1].resourcez: unknown field, ignored");
  }

  @Test
  void recursiveAliasesAndAliasBombsAreErrors() {
    Path recursive =
        Fixtures.write(dir, "recursive.yaml", "apiVersion: v1\nkind: Pod\nmetadata: &m {x: *m}\n");
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
    bomb.append("a: &a0 [x, x]\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      bomb.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
    }
    Path bombFile = Fixtures.write(dir, "bomb.yaml", bomb.toString());

    ManifestException loop =
        catchThrowableOfType(ManifestException.class, () -> Fixtures.read(recursive));
    ManifestException laughs =
        catchThrowableOfType(ManifestException.class, () -> Fixtures.read(bombFile));

    assertThat(loop.line()).isEqualTo(3);
    assertThat(loop.problem()).startsWith("unknown alias *m");
    assertThat(laughs.problem()).contains("more than 50 aliases");
  }

  @Test
  void aSyntaxErrorNamesTheDocumentItIsIn() {
    Path file =
        Fixtures.write(
            dir, "three.yaml", POD.formatted("a") + "---\n" + POD.formatted("b") + "---\n  x: [\n");

    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Fixtures.read(file));

    assertThat(e.documentIndex()).isEqualTo(3);
    assertThat(e.problem()).startsWith("YAML syntax error");
  }

  @Test
  void plainNullsAndBooleansFollowTheCoreSchemaAndQuotesOrTagsMakeText() throws Exception {
    Manifests m =
        Fixtures.readText(
            dir,
            "core.yaml",
            """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: {quoted: "True", tagged: !!str FALSE, flag: True, empty: "", tilde: "~"}
        spec:
          hostNetwork: True
          tolerations: NULL
          nodeSelector: ~
          containers: [{name: a, image: x, ports: [{containerPort: 80}]}]
        """);

    Pod p = m.pods().get(0);
    assertThat(p.labels())
        .isEqualTo(
            Map.of("quoted", "True", "tagged", "FALSE", "flag", "true", "empty", "", "tilde", "~"));
    assertThat(p.hostPorts()).containsExactly("80/TCP");
    assertThat(p.tolerations()).isEmpty();
    assertThat(p.nodeAffinity().requiredTerms()).isEmpty();
  }

  @Test
  void plainScalarsKeepTheirTextInStringFields() throws Exception {
    Manifests m =
        Fixtures.readText(
            dir,
            "scalars.yaml",
            """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: {version: 010, enabled: yes, cluster: "${CLUSTER_NAME}", ratio: 1.50}
        spec:
          containers: [{name: a, image: x, resources: {requests: {cpu: 0.5, memory: 1e3}}}]
        """);

    Pod p = m.pods().get(0);
    assertThat(p.labels())
        .containsEntry("version", "010")
        .containsEntry("enabled", "yes")
        .containsEntry("cluster", "${CLUSTER_NAME}")
        .containsEntry("ratio", "1.50");
    assertThat(p.requests().get("cpu")).isEqualTo(500);
    assertThat(p.requests().get("memory")).isEqualTo(1000);
  }

  @Test
  void duplicateKeysAreAnErrorNamingTheFileAndBothLines() {
    Path file =
        Fixtures.write(
            dir,
            "dup.yaml",
            POD.formatted("a")
                + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
                + "  labels: {app: web}\n  name: q\nspec: {containers: [{name: a, image: x}]}\n");

    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Fixtures.read(file));

    assertThat(e)
        .hasMessage(
            file
                + ":11: document 2 (Pod/p): metadata.name: duplicate key (first given at line 9);"
                + " kubectl rejects it");
    assertThat(e.line()).isEqualTo(11);
  }

  @Test
  void duplicateKeysInsideListItemsAndInJsonAreErrorsToo() {
    Path yaml =
        Fixtures.write(
            dir,
            "list.yaml",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: a
                  image: x
                - {name: b, image: y, image: z}
            """);
    Path json =
        Fixtures.write(
            dir,
            "pod.json",
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n"
                + " \"metadata\": {\"name\": \"p\"},\n"
                + " \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"x\"}]},\n"
                + " \"kind\": \"Pod\"}\n");

    ManifestException inYaml =
        catchThrowableOfType(ManifestException.class, () -> Fixtures.read(yaml));
    ManifestException inJson =
        catchThrowableOfType(ManifestException.class, () -> Fixtures.read(json));

    assertThat(inYaml.line()).isEqualTo(8);
    assertThat(inYaml.fieldPath()).isEqualTo("spec.containers[1].image");
    assertThat(inYaml.problem()).startsWith("duplicate key (first given at line 8)");
    assertThat(inJson.line()).isEqualTo(4);
    assertThat(inJson.fieldPath()).isEqualTo("kind");
    assertThat(inJson.problem()).startsWith("duplicate key (first given at line 1)");
  }

  @Test
  void aMergedKeyGivenAgainExplicitlyIsNoDuplicate() throws Exception {
    Manifests m =
        Fixtures.readText(
            dir,
            "merge.yaml",
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              labels: &base {app: web, tier: front}
              annotations: {<<: *base, tier: back}
            spec: {containers: [{name: a, image: x}]}
            """);

    assertThat(m.pods()).hasSize(1);
  }

  @Test
  void nonSchedulingKindsAreCountedAndOthersWarned() throws Exception {
    Manifests m =
        Fixtures.readText(
            dir,
            "mixed.yaml",
            """
        apiVersion: v1
        kind: Service
        metadata: {name: a}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        ---
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: job}
        ---
        apiVersion: karpenter.sh/v1alpha4
        kind: Provisioner
        metadata: {name: old}
        ---
        """
                + Fixtures.A_POD);

    assertThat(m.skippedKinds())
        .isEqualTo(
            Map.of(
                "CronJob",
                1,
                "FlinkDeployment",
                1,
                "NetworkPolicy",
                1,
                "Provisioner",
                1,
                "Service",
                2));
    assertThat(m.warnings())
        .hasSize(3)
        .anySatisfy(w -> assertThat(w).contains("document 4 (CronJob/nightly)"))
        .anySatisfy(
            w -> assertThat(w).contains("unknown kind flink.apache.org/v1beta1 FlinkDeployment"))
        .anySatisfy(w -> assertThat(w).contains("unsupported apiVersion karpenter.sh/v1alpha4"));
  }

  @Test
  void unknownFieldNamesOfKubernetesKindsAreWarnedWithTheirLine() throws Exception {
    Manifests m =
        Fixtures.readText(
            dir,
            "typo.yaml",
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replica: 3
          template:
            spec:
              containers: [{name: a, image: x}]
        """);

    assertThat(m.pods()).hasSize(1);
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .isEqualTo(
            dir.resolve("typo.yaml")
                + ":5: document 1 (Deployment/web): spec.replica: "
                + "unknown field, ignored");
  }
}
