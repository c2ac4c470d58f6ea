package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.pod.Pod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadReplicasTest {
  private static final String TEMPLATE =
      """
        template:
          metadata:
            labels: {app: w}
          spec:
            containers:
              - {name: a, image: x, resources: {requests: {cpu: 100m}}}
      """;

  @TempDir Path dir;

  private static String workload(String apiVersion, String kind, String name, String spec) {
    return "apiVersion: "
        + apiVersion
        + "\nkind: "
        + kind
        + "\nmetadata:\n  name: "
        + name
        + "\n  namespace: team\nspec:\n"
        + spec
        + TEMPLATE;
  }

  private static String hpa(String apiVersion, String kind, String target, String bounds) {
    return "---\napiVersion: "
        + apiVersion
        + "\nkind: HorizontalPodAutoscaler\nmetadata:\n"
        + "  name: scaler\n  namespace: team\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n"
        + "    kind: "
        + kind
        + "\n    name: "
        + target
        + "\n"
        + bounds;
  }

  private Manifests read(ReplicaPolicy policy, String yaml) throws ManifestException {
    return Fixtures.read(
        ReadOptions.defaults().withReplicasAt(policy), Fixtures.write(dir, "w.yaml", yaml));
  }

  private static List<String> names(Manifests m) {
    return m.pods().stream().map(p -> p.id().toString()).toList();
  }

  @Test
  void statefulSetReplicasExpandToNumberedPods() throws Exception {
    Manifests m =
        read(ReplicaPolicy.CURRENT, workload("apps/v1", "StatefulSet", "db", "  replicas: 3\n"));

    assertThat(names(m)).containsExactly("team/db-0", "team/db-1", "team/db-2");
    assertThat(m.pods())
        .allSatisfy(
            p -> {
              assertThat(p.owner()).isEqualTo("StatefulSet/db");
              assertThat(p.labels()).containsEntry("app", "w");
            });
  }

  @Test
  void absentReplicasMeanOneAndZeroMeansNone() throws Exception {
    String yaml =
        workload("apps/v1", "ReplicaSet", "one", "")
            + "---\n"
            + workload("apps/v1", "Deployment", "none", "  replicas: 0\n");

    assertThat(names(read(ReplicaPolicy.CURRENT, yaml))).containsExactly("team/one-0");
  }

  @ParameterizedTest(name = "parallelism {0}, completions {1} -> {2} pods")
  @CsvSource(
      nullValues = "-",
      value = {"-,-,1", "4,-,4", "4,2,2", "0,5,0", "3,0,0"})
  void jobRunsParallelismPodsCappedByCompletions(Integer parallelism, Integer completions, int pods)
      throws Exception {
    String spec =
        (parallelism == null ? "" : "  parallelism: " + parallelism + "\n")
            + (completions == null ? "" : "  completions: " + completions + "\n");

    Manifests m = read(ReplicaPolicy.CURRENT, workload("batch/v1", "Job", "batch", spec));

    assertThat(m.pods())
        .hasSize(pods)
        .allSatisfy(p -> assertThat(p.owner()).isEqualTo("Job/batch"));
  }

  @Test
  void suspendedJobPlansNoPodsAndSaysSo() throws Exception {
    Manifests m =
        read(
            ReplicaPolicy.CURRENT,
            workload("batch/v1", "Job", "batch", "  suspend: true\n  parallelism: 2\n"));

    assertThat(m.pods()).isEmpty();
    assertThat(m.warnings()).singleElement().asString().contains("spec.suspend");
  }

  @ParameterizedTest(name = "{0} at {1} replicas -> {2}")
  @CsvSource({"MAX,3,10", "MIN,3,2", "CURRENT,3,3", "CURRENT,1,2", "CURRENT,40,10"})
  void hpaSetsReplicasByPolicy(ReplicaPolicy policy, int replicas, int expected) throws Exception {
    String yaml =
        workload("apps/v1", "Deployment", "web", "  replicas: " + replicas + "\n")
            + hpa("autoscaling/v2", "Deployment", "web", "  minReplicas: 2\n  maxReplicas: 10\n");

    assertThat(read(policy, yaml).pods()).hasSize(expected);
  }

  @Test
  void hpaWithoutMinReplicasDefaultsToOne() throws Exception {
    String yaml =
        workload("apps/v1", "Deployment", "web", "  replicas: 5\n")
            + hpa(
                "autoscaling/v1",
                "Deployment",
                "web",
                "  maxReplicas: 4\n  targetCPUUtilizationPercentage: 50\n");

    assertThat(read(ReplicaPolicy.MIN, yaml).pods()).hasSize(1);
    Manifests current = read(ReplicaPolicy.CURRENT, yaml);
    assertThat(current.pods()).hasSize(4);
    assertThat(current.warnings()).isEmpty();
  }

  @Test
  void hpaWhoseTargetIsMissingIsAWarning() throws Exception {
    String yaml =
        workload("apps/v1", "Deployment", "web", "  replicas: 2\n")
            + hpa("autoscaling/v2", "Deployment", "other", "  maxReplicas: 10\n");

    Manifests m = read(ReplicaPolicy.MAX, yaml);

    assertThat(m.pods()).hasSize(2);
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("document 2 (HorizontalPodAutoscaler/scaler): spec.scaleTargetRef")
        .contains("Deployment/other is not in the input");
  }

  @Test
  void hpaInAnotherNamespaceDoesNotScaleTheWorkload() throws Exception {
    String yaml =
        workload("apps/v1", "Deployment", "web", "  replicas: 2\n")
            + hpa("autoscaling/v2", "Deployment", "web", "  maxReplicas: 10\n")
                .replace("namespace: team", "namespace: other");

    assertThat(read(ReplicaPolicy.MAX, yaml).pods()).hasSize(2);
  }

  @Test
  void workloadScaledToZeroPausesItsHpaAtCurrent() throws Exception {
    String yaml =
        workload("apps/v1", "Deployment", "web", "  replicas: 0\n")
            + hpa("autoscaling/v2", "Deployment", "web", "  minReplicas: 1\n  maxReplicas: 10\n");

    Manifests current = read(ReplicaPolicy.CURRENT, yaml);

    assertThat(current.pods()).isEmpty();
    assertThat(current.warnings()).singleElement().asString().contains("scaled to 0");
    assertThat(read(ReplicaPolicy.MAX, yaml).pods()).hasSize(10);
  }

  @Test
  void hpaMinAboveMaxIsAnError() {
    String yaml =
        workload("apps/v1", "Deployment", "web", "")
            + hpa("autoscaling/v2", "Deployment", "web", "  minReplicas: 5\n  maxReplicas: 3\n");

    ManifestException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ManifestException.class, () -> read(ReplicaPolicy.MAX, yaml));

    assertThat(e.fieldPath()).isEqualTo("spec.minReplicas");
    assertThat(e.documentIndex()).isEqualTo(2);
  }

  @Test
  void bareBoundPodOccupiesItsNodeAndFinishedPodsAreSkipped() throws Exception {
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: running
          ownerReferences:
            - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4, uid: u1, controller: true}
        spec:
          nodeName: ip-10-0-1-17.ec2.internal
          containers: [{name: a, image: x}]
        status: {phase: Running}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: done}
        spec:
          containers: [{name: a, image: x}]
        status: {phase: Succeeded}
        """;

    Manifests m = read(ReplicaPolicy.CURRENT, yaml);

    Pod running = m.pods().get(0);
    assertThat(m.pods()).hasSize(1);
    assertThat(running.bound()).isTrue();
    assertThat(running.nodeName()).isEqualTo("ip-10-0-1-17.ec2.internal");
    assertThat(running.owner()).isEqualTo("ReplicaSet/web-7d4");
    assertThat(running.id().namespace()).isEqualTo("default");
    assertThat(m.warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("Pod/done").contains("status.phase"))
        .anySatisfy(
            w -> assertThat(w).contains("ip-10-0-1-17.ec2.internal").contains("not in the input"));
  }

  @Test
  void newReplicasNeverTakeTheNameOfAnotherPod() throws Exception {
    String yaml =
        workload("apps/v1", "StatefulSet", "db", "  replicas: 1\n")
            + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: db-0, namespace: team}\n"
            + "spec:\n  containers: [{name: a, image: x}]\n---\n"
            + workload("apps/v1", "Deployment", "db", "  replicas: 2\n");

    Manifests m = read(ReplicaPolicy.CURRENT, yaml);

    assertThat(m.pods())
        .extracting(p -> p.id().name() + " " + p.owner())
        .containsExactly(
            "db-1 StatefulSet/db", "db-0 Pod/db-0", "db-2 Deployment/db", "db-3 Deployment/db");
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void daemonSetBecomesOverheadWithTheControllersTolerations() throws Exception {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-exporter, namespace: monitoring}
        spec:
          template:
            spec:
              hostNetwork: true
              containers:
                - name: exporter
                  image: x
                  ports: [{containerPort: 9100}]
                  resources: {requests: {cpu: 50m, memory: 64Mi}}
        """;

    Manifests m = read(ReplicaPolicy.CURRENT, yaml);

    assertThat(m.pods()).isEmpty();
    assertThat(m.daemonSets())
        .singleElement()
        .satisfies(
            ds -> {
              assertThat(ds.namespace()).isEqualTo("monitoring");
              assertThat(ds.template().owner()).isEqualTo("DaemonSet/node-exporter");
              assertThat(ds.template().hostPorts()).containsExactly("9100/TCP");
              assertThat(ds.template().tolerations())
                  .extracting(t -> t.key())
                  .contains(
                      "node.kubernetes.io/not-ready",
                      "node.kubernetes.io/unschedulable",
                      "node.kubernetes.io/network-unavailable");
            });
  }
}
