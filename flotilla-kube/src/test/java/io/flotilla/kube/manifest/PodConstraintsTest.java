package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Toleration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodConstraintsTest {
  @TempDir Path dir;

  private Manifests readPod(ReadOptions options, String metadata, String spec)
      throws ManifestException {
    String yaml =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: web, version: v2}\n"
            + metadata.indent(2)
            + "spec:\n"
            + spec.indent(2)
            + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: other, namespace: batch}\n"
            + "spec:\n  containers: [{name: a, image: x}]\n";
    return Fixtures.read(options, Fixtures.write(dir, "pod.yaml", yaml));
  }

  private Pod pod(String spec) throws ManifestException {
    return readPod(ReadOptions.defaults(), "", spec).pods().get(0);
  }

  @Test
  void nodeSelectorIsAndedIntoEveryRequiredTerm() throws Exception {
    Pod p =
        pod(
            """
        nodeSelector: {karpenter.sh/capacity-type: spot}
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [arm64]}]
                - matchFields: [{key: metadata.name, operator: In, values: [node-a]}]
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 40
                preference:
                  matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [us-east-1a]}]
        containers: [{name: a, image: x}]
        """);

    Requirement spot = Requirement.in(WellKnownLabels.CAPACITY_TYPE, "spot");
    assertThat(p.nodeAffinity().requiredTerms())
        .containsExactly(
            Requirements.of(spot, Requirement.in(WellKnownLabels.ARCH, "arm64")),
            Requirements.of(spot, Requirement.in(WellKnownLabels.HOSTNAME, "node-a")));
    assertThat(p.nodeAffinity().preferred())
        .containsExactly(
            new NodeAffinity.Preference(
                40, Requirements.of(Requirement.in(WellKnownLabels.ZONE, "us-east-1a"))));
  }

  @Test
  void nodeSelectorAloneIsTheOnlyRequiredTerm() throws Exception {
    Pod p =
        pod(
            "nodeSelector: {kubernetes.io/os: linux, disk: ssd}\ncontainers: [{name: a, image: x}]\n");

    assertThat(p.nodeAffinity().requiredTerms())
        .containsExactly(
            Requirements.of(
                Requirement.in("disk", "ssd"), Requirement.in(WellKnownLabels.OS, "linux")));
  }

  @Test
  void tolerationsKeepOperatorAndEffect() throws Exception {
    Pod p =
        pod(
            """
        tolerations:
          - {key: dedicated, value: gpu, effect: NoSchedule}
          - {key: spot, operator: Exists}
          - {operator: Exists, effect: NoExecute, tolerationSeconds: 30}
        containers: [{name: a, image: x}]
        """);

    assertThat(p.tolerations())
        .containsExactly(
            Toleration.equal("dedicated", "gpu", Effect.NO_SCHEDULE),
            new Toleration("spot", true, "", null),
            new Toleration("", true, "", Effect.NO_EXECUTE));
  }

  @Test
  void spreadConstraintsAddOwnLabelValuesForMatchLabelKeys() throws Exception {
    Pod p =
        pod(
            """
        topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: ScheduleAnyway
            labelSelector: {matchLabels: {app: web}}
            matchLabelKeys: [version, pod-template-hash]
          - maxSkew: 2
            minDomains: 3
            topologyKey: kubernetes.io/hostname
            whenUnsatisfiable: DoNotSchedule
            labelSelector:
              matchExpressions: [{key: app, operator: In, values: [web, api]}]
        containers: [{name: a, image: x}]
        """);

    TopologySpread zone = p.topologySpread().get(0);
    assertThat(zone.hard()).isFalse();
    assertThat(zone.selector().matchLabels()).containsExactly(Map.entry("app", "web"));
    assertThat(zone.selector().matchExpressions()).containsExactly(Requirement.in("version", "v2"));
    TopologySpread host = p.topologySpread().get(1);
    assertThat(host.hard()).isTrue();
    assertThat(host.minDomains()).isEqualTo(3);
    assertThat(host.selector().matches(Map.of("app", "api"))).isTrue();
  }

  @Test
  void requiredPodAntiAffinityAndAffinityAreKept() throws Exception {
    Manifests m =
        readPod(
            ReadOptions.defaults(),
            "",
            """
        affinity:
          podAntiAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector: {matchLabels: {app: web}}
                topologyKey: kubernetes.io/hostname
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 10
                podAffinityTerm:
                  labelSelector: {matchLabels: {app: web}}
                  topologyKey: topology.kubernetes.io/zone
          podAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector: {matchLabels: {app: cache}}
                namespaces: [cache]
                topologyKey: topology.kubernetes.io/zone
              - labelSelector: {matchLabels: {app: db}}
                namespaceSelector: {matchLabels: {team: data}}
                topologyKey: topology.kubernetes.io/zone
        containers: [{name: a, image: x}]
        """);

    Pod p = m.pods().get(0);
    assertThat(p.antiAffinity())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.topologyKey()).isEqualTo(WellKnownLabels.HOSTNAME);
              assertThat(t.namespaces()).isEmpty();
            });
    assertThat(p.affinity())
        .extracting(PodAffinityTerm::namespaces)
        .containsExactly(Set.of("cache"), Set.of("default", "batch"));
    assertThat(m.warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("preferred pod (anti-)affinity is not modelled"))
        .anySatisfy(w -> assertThat(w).contains("namespaceSelector").contains("all namespaces"));
  }

  @Test
  void hostPortsAreListedAsPortAndProtocol() throws Exception {
    Pod p =
        pod(
            """
        initContainers:
          - {name: agent, image: x, restartPolicy: Always, ports: [{containerPort: 8126, hostPort: 8126}]}
          - {name: init, image: x, ports: [{containerPort: 1, hostPort: 1}]}
        containers:
          - name: a
            image: x
            ports:
              - {containerPort: 80, hostPort: 8080}
              - {containerPort: 53, hostPort: 53, protocol: UDP}
              - {containerPort: 9090}
        """);

    assertThat(p.hostPorts()).containsExactlyInAnyOrder("8080/TCP", "53/UDP", "8126/TCP");
  }

  @Test
  void architecturesIntersectImagesAndTheAnnotation() throws Exception {
    ReadOptions options =
        new ReadOptions(
            ReplicaPolicy.CURRENT,
            Map.of(
                "repo/app:1.0",
                Set.of("amd64", "arm64"),
                "repo/sidecar",
                Set.of("amd64", "arm64")));
    String spec =
        "containers:\n  - {name: a, image: repo/app:1.0}\n  - {name: b, image: repo/sidecar:latest}\n";

    Pod both = readPod(options, "", spec).pods().get(0);
    Pod annotated =
        readPod(options, "annotations: {flotilla.io/architectures: \"amd64\"}\n", spec)
            .pods()
            .get(0);

    assertThat(both.architectures()).containsExactlyInAnyOrder("amd64", "arm64");
    assertThat(annotated.architectures()).containsExactly("amd64");
    assertThat(pod("containers: [{name: a, image: unknown/image}]\n").architectures()).isEmpty();
  }

  @Test
  void imagesOfUnknownArchitectureAreNamedForContainersAndInitContainers() throws Exception {
    ReadOptions options =
        new ReadOptions(ReplicaPolicy.CURRENT, Map.of("repo/app:1.0", Set.of("amd64", "arm64")));
    String spec =
        """
        initContainers: [{name: init, image: "repo/migrate:3"}, {name: known, image: "repo/app:1.0"}]
        containers:
          - {name: a, image: "repo/app:1.0"}
          - {name: b, image: "docker.io/library/nginx"}
          - {name: c, image: "docker.io/library/nginx"}
        """;

    Pod partly = readPod(options, "", spec).pods().get(0);
    Pod declared =
        readPod(options, "annotations: {flotilla.io/architectures: \"amd64\"}\n", spec)
            .pods()
            .get(0);
    Pod unknownOnly = pod("containers: [{name: a, image: unknown/image}]\n");

    assertThat(partly.unresolvedImages())
        .containsExactlyInAnyOrder("repo/migrate:3", "docker.io/library/nginx");
    assertThat(partly.architectures()).containsExactlyInAnyOrder("amd64", "arm64");
    assertThat(partly.architectureUnknown()).isFalse();
    assertThat(declared.unresolvedImages()).isEmpty();
    assertThat(unknownOnly.unresolvedImages()).containsExactly("unknown/image");
    assertThat(unknownOnly.architectureUnknown()).isTrue();
  }

  @Test
  void workloadReplicasAndDaemonSetsCarryTheirUnresolvedImages() throws Exception {
    Manifests m =
        Fixtures.readText(
            dir,
            "w.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              template: {spec: {containers: [{name: a, image: "repo/web:2"}]}}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template: {spec: {containers: [{name: a, image: "repo/agent:7"}]}}
            """);

    assertThat(m.pods())
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.unresolvedImages()).containsExactly("repo/web:2"));
    assertThat(m.daemonSets().get(0).template().unresolvedImages()).containsExactly("repo/agent:7");
  }

  @Test
  void imagesWithNoCommonArchitectureAreAnError() {
    ReadOptions options =
        new ReadOptions(
            ReplicaPolicy.CURRENT,
            Map.of("x86-only", Set.of("amd64"), "arm-only", Set.of("arm64")));

    ManifestException e =
        catchThrowableOfType(
            ManifestException.class,
            () ->
                readPod(
                    options,
                    "",
                    "containers:\n  - {name: a, image: x86-only}\n  - {name: b, image: arm-only}\n"));

    assertThat(e.fieldPath()).isEqualTo("spec.containers[1].image");
    assertThat(e.problem()).contains("cannot run anywhere");
  }

  @Test
  void unknownArchitectureInTheAnnotationIsAnError() {
    ManifestException e =
        catchThrowableOfType(
            ManifestException.class,
            () ->
                readPod(
                    ReadOptions.defaults(),
                    "annotations: {flotilla.io/architectures: \"amd64,risc\"}\n",
                    "containers: [{name: a, image: x}]\n"));

    assertThat(e.fieldPath()).isEqualTo("metadata.annotations[flotilla.io/architectures]");
    assertThat(e.line()).isEqualTo(6);
  }

  @Test
  void notInAndExistsRequirementsAreKept() throws Exception {
    Pod p =
        pod(
            """
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions:
                    - {key: karpenter.k8s.aws/instance-gpu-name, operator: DoesNotExist}
                    - {key: karpenter.sh/capacity-type, operator: NotIn, values: [spot]}
        containers: [{name: a, image: x}]
        """);

    assertThat(p.nodeAffinity().requiredTerms().get(0).list())
        .containsExactly(
            new Requirement(
                WellKnownLabels.INSTANCE_GPU_NAME, Operator.DOES_NOT_EXIST, Set.of(), null),
            new Requirement(WellKnownLabels.CAPACITY_TYPE, Operator.NOT_IN, Set.of("spot"), null));
  }
}
