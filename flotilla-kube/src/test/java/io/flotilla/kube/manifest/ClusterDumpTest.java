package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.core.workload.DisruptionBudget.Amount;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster dump plans as it is: a workload's running pods count toward its replicas, a DaemonSet's
 * pods are its overhead, and only the missing replicas are pending.
 */
class ClusterDumpTest {
  private static final String N1 = "ip-10-0-1-11.ec2.internal";
  private static final String N2 = "ip-10-0-2-22.ec2.internal";

  @TempDir Path dir;

  /** "namespace/name owner node" (node "-" when pending). */
  private static List<String> described(Manifests m) {
    return m.pods().stream().map(ClusterDumpTest::describe).toList();
  }

  private static String describe(Pod p) {
    return p.id() + " " + p.owner() + " " + (p.bound() ? p.nodeName() : "-");
  }

  private static Path regression(String file) {
    return Fixtures.root().resolve("planner-regressions").resolve(file);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(
        Objects.requireNonNull(ClusterDumpTest.class.getResource("/dumps/" + name)).toURI());
  }

  @Test
  void aDeploymentWhoseReplicasAllRunNeedsNoPendingPod() throws Exception {
    Manifests m = Fixtures.read(regression("s21-dump.yaml"), regression("nodeclass.yaml"));

    assertThat(described(m))
        .containsExactly(
            "default/web-5d9c7-a1 Deployment/web old-1",
            "default/web-5d9c7-a2 Deployment/web old-1",
            "default/web-5d9c7-a3 Deployment/web old-1");
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void aDaemonSetsPodOnANodeIsItsOverheadNotExtraLoad() throws Exception {
    Manifests m = Fixtures.read(regression("s19-ds-double.yaml"));

    assertThat(described(m))
        .containsExactly(
            "default/web-0 Deployment/web -",
            "default/web-1 Deployment/web -",
            "default/web-2 Deployment/web -",
            "default/web-3 Deployment/web -",
            "default/web-4 Deployment/web -");
    assertThat(m.daemonSets()).extracting(ds -> ds.name()).containsExactly("agent");
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void aRealisticDumpPlansExactlyTheMissingReplicasBesideTheRunningPods() throws Exception {
    Path file = resource("cluster-dump.yaml");

    Manifests m = Fixtures.read(file);

    assertThat(described(m))
        .containsExactly(
            "shop/web-6d8f9-k2x7p Deployment/web " + N1,
            "shop/web-6d8f9-q9w4z Deployment/web -",
            "shop/web-0 Deployment/web -",
            "shop/api-7c5f4-aaaaa Deployment/api " + N1,
            "shop/api-7c5f4-bbbbb Deployment/api " + N2,
            "shop/api-7c5f4-ccccc Deployment/api " + N2,
            "shop/db-0 StatefulSet/db " + N1,
            "shop/db-2 StatefulSet/db " + N2,
            "shop/db-1 StatefulSet/db -",
            "shop/reindex-4hx8c Job/reindex " + N2,
            "shop/reindex-0 Job/reindex -",
            "kube-system/aws-node-7tq9l DaemonSet/aws-node " + N1,
            "default/debug-shell Pod/debug-shell " + N2);
    assertThat(m.daemonSets()).extracting(ds -> ds.name()).containsExactly("node-exporter");
    assertThat(m.nodes()).hasSize(2);
    assertThat(m.skippedKinds()).isEmpty();
    assertThat(m.budgets())
        .containsExactly(
            new DisruptionBudget("shop", "web", app("web"), Amount.parse("2"), null),
            new DisruptionBudget("shop", "db", app("db"), null, Amount.parse("1")));
    assertThat(m.warnings())
        .containsExactlyInAnyOrder(
            file
                + ":55: document 1 (Deployment/api): items[1]: 2 replicas planned but the input"
                + " holds 3 pods of it: all of them are kept",
            file
                + ":368: document 1 (Pod/reindex-p2m7v): items[19].status.phase: the pod has"
                + " finished (Succeeded); skipped",
            file
                + ":329: document 1 (Pod/aws-node-zz9xx): items[17]: a pending pod of"
                + " DaemonSet/aws-node, which is not in the input: a DaemonSet places its own"
                + " pods; skipped");
  }

  @Test
  void existingPodsKeepTheirOwnSpecAndNewReplicasTakeTheTemplate() throws Exception {
    Manifests m = Fixtures.read(resource("cluster-dump.yaml"));

    Pod running =
        m.pods().stream()
            .filter(p -> p.id().name().equals("web-6d8f9-k2x7p"))
            .findFirst()
            .orElseThrow();
    Pod fresh =
        m.pods().stream().filter(p -> p.id().name().equals("web-0")).findFirst().orElseThrow();

    assertThat(running.tolerations())
        .extracting(t -> t.key())
        .contains("node.kubernetes.io/not-ready");
    assertThat(running.labels()).containsEntry("pod-template-hash", "6d8f9");
    assertThat(fresh.tolerations()).isEmpty();
    assertThat(fresh.labels()).isEqualTo(Map.of("app", "web"));
  }

  private Manifests dump(String yaml) throws ManifestException {
    return Fixtures.readText(dir, "dump.yaml", yaml);
  }

  private static LabelSelector app(String app) {
    return new LabelSelector(Map.of("app", app), List.of());
  }

  private static String deployment(String namespace, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %s}
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: c, image: x}]}
        """
        .formatted(namespace, replicas);
  }

  private static String replicaSetPod(String name, String namespace, String labels) {
    return """
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          namespace: %s
          labels: %s
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9c7, uid: u1, controller: true}]
        spec: {containers: [{name: c, image: x}]}
        """
        .formatted(name, namespace, labels);
  }

  @Test
  void aPodIsLinkedToADeploymentOnlyByItsTemplateHashAndTheDeploymentsSelector() throws Exception {
    Manifests m =
        dump(
            deployment("prod", 2)
                + replicaSetPod("linked", "prod", "{app: web, pod-template-hash: 5d9c7}")
                + replicaSetPod("no-hash", "prod", "{app: web}")
                + replicaSetPod("other-hash", "prod", "{app: web, pod-template-hash: 11111}")
                + replicaSetPod("unselected", "prod", "{app: api, pod-template-hash: 5d9c7}")
                + replicaSetPod("elsewhere", "test", "{app: web, pod-template-hash: 5d9c7}"));

    assertThat(described(m))
        .containsExactly(
            "prod/linked Deployment/web -",
            "prod/web-0 Deployment/web -",
            "prod/no-hash ReplicaSet/web-5d9c7 -",
            "prod/other-hash ReplicaSet/web-5d9c7 -",
            "prod/unselected ReplicaSet/web-5d9c7 -",
            "test/elsewhere ReplicaSet/web-5d9c7 -");
  }

  @Test
  void aReplicaSetInTheInputLinksItsPodsByItsOwnControllerReference() throws Exception {
    String replicaSet =
        """
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-5d9c7
          namespace: prod
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: %s, uid: d1, controller: true}]
        spec:
          replicas: 4
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: c, image: x}]}
        """;
    String pod = replicaSetPod("web-5d9c7-a", "prod", "{app: web}");

    Manifests owned = dump(deployment("prod", 2) + replicaSet.formatted("web") + pod);
    Manifests orphaned = dump(deployment("prod", 2) + replicaSet.formatted("gone") + pod);

    assertThat(described(owned))
        .containsExactly("prod/web-5d9c7-a Deployment/web -", "prod/web-0 Deployment/web -");
    assertThat(described(orphaned))
        .containsExactly(
            "prod/web-0 Deployment/web -",
            "prod/web-1 Deployment/web -",
            "prod/web-5d9c7-a ReplicaSet/web-5d9c7 -",
            "prod/web-5d9c7-0 ReplicaSet/web-5d9c7 -",
            "prod/web-5d9c7-1 ReplicaSet/web-5d9c7 -",
            "prod/web-5d9c7-2 ReplicaSet/web-5d9c7 -");
  }

  @Test
  void aReplicationControllersPodsCountTowardItsReplicas() throws Exception {
    Manifests m =
        dump(
            """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: legacy}
            spec:
              replicas: 2
              selector: {app: legacy}
              template:
                metadata: {labels: {app: legacy}}
                spec: {containers: [{name: c, image: x}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: legacy-0
              labels: {app: legacy}
              ownerReferences: [{apiVersion: v1, kind: ReplicationController, name: legacy, uid: r1, controller: true}]
            spec: {containers: [{name: c, image: x}], nodeName: n1}
            """);

    assertThat(described(m))
        .containsExactly(
            "default/legacy-0 ReplicationController/legacy n1",
            "default/legacy-1 ReplicationController/legacy -");
  }
}
