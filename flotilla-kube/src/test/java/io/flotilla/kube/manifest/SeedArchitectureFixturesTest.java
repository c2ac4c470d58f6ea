package io.flotilla.kube.manifest;

import static io.flotilla.kube.manifest.Fixtures.read;
import static io.flotilla.kube.manifest.Fixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.Disruption.ConsolidationPolicy;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedArchitectureFixturesTest {
  private static final long GI = 1L << 30;
  private static final long MI = 1L << 20;

  @Test
  void flinkArmJobManagerIsPinnedToOnDemandAndToleratesArm() throws Exception {
    Manifests m = read(seed("flink-arm.yaml"));

    Pod jm = pod(m, "flink-jobmanager-0");
    assertThat(jm.owner()).isEqualTo("Job/flink-jobmanager");
    assertThat(jm.nodeAffinity().requiredTerms())
        .containsExactly(
            Requirements.of(Requirement.in(WellKnownLabels.EKS_CAPACITY_TYPE, "ON_DEMAND")));
    assertThat(jm.tolerations())
        .containsExactly(Toleration.equal("cpu-architecture", "arm64", Effect.NO_SCHEDULE));
    assertThat(jm.requests()).isEqualTo(Resources.NONE);
    assertThat(jm.hostPorts()).isEmpty();
  }

  @Test
  void flinkArmHasOneTaskManagerAtCurrentReplicas() throws Exception {
    Manifests m = read(seed("flink-arm.yaml"));

    assertThat(m.pods())
        .extracting(p -> p.id().name())
        .containsExactly("flink-jobmanager-0", "flink-taskmanager-0");
    Pod tm = pod(m, "flink-taskmanager-0");
    assertThat(tm.requests()).isEqualTo(Resources.of(Map.of("cpu", 250L, "memory", 4096 * MI)));
    assertThat(tm.owner()).isEqualTo("Deployment/flink-taskmanager");
    assertThat(tm.nodeAffinity().requiredTerms()).isEmpty();
    assertThat(tm.tolerations()).hasSize(1);
    assertThat(m.warnings()).isEmpty();
    assertThat(m.skippedKinds()).isEmpty();
  }

  @Test
  void flinkArmHasTwentyFiveTaskManagersAtMaxAndOneAtMin() throws Exception {
    Manifests max =
        read(ReadOptions.defaults().withReplicasAt(ReplicaPolicy.MAX), seed("flink-arm.yaml"));
    Manifests min =
        read(ReadOptions.defaults().withReplicasAt(ReplicaPolicy.MIN), seed("flink-arm.yaml"));

    assertThat(max.pods())
        .filteredOn(p -> p.owner().equals("Deployment/flink-taskmanager"))
        .hasSize(25)
        .extracting(p -> p.id().name())
        .contains("flink-taskmanager-0", "flink-taskmanager-24");
    assertThat(min.pods())
        .filteredOn(p -> p.owner().equals("Deployment/flink-taskmanager"))
        .hasSize(1);
  }

  @Test
  void flinkX86HasNoArmToleration() throws Exception {
    Manifests m = read(seed("flink-x86.yaml"));

    assertThat(m.pods()).hasSize(2).allSatisfy(p -> assertThat(p.tolerations()).isEmpty());
  }

  @Test
  void provisionersGiveFourPoolsWithTheReferenceWeights() throws Exception {
    Manifests m = read(seed("provisioners-x86.yaml"), seed("provisioners-arm.yaml"));

    assertThat(m.nodePools())
        .extracting(NodePool::name, NodePool::weight)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("arm-spot-provisioner", 100),
            org.assertj.core.groups.Tuple.tuple("x86-spot-provisioner", 50),
            org.assertj.core.groups.Tuple.tuple("arm-ondemand-provisioner", 30),
            org.assertj.core.groups.Tuple.tuple("x86-ondemand-provisioner", 10));
    assertThat(m.nodePools())
        .allSatisfy(
            p -> {
              assertThat(p.api()).isEqualTo(NodePool.Api.V1ALPHA5);
              assertThat(p.kubelet().maxPods()).isEqualTo(20);
              assertThat(p.kubelet().systemReserved())
                  .isEqualTo(
                      Resources.of(
                          Map.of("cpu", 1000L, "memory", 5 * GI, "ephemeral-storage", 10 * GI)));
              assertThat(p.limits())
                  .isEqualTo(Resources.of(Map.of("cpu", 1_000_000L, "memory", 2000 * GI)));
              assertThat(p.disruption().expireAfter()).isEqualTo(Duration.ofSeconds(2_592_000));
              assertThat(p.nodeClass().name()).isEqualTo("flink");
              assertThat(p.nodeClass().ephemeralVolumeBytes()).isEqualTo(1000 * GI);
              assertThat(p.nodeClass().amiFamily()).isEqualTo("AL2");
            });
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void provisionerConsolidationAndEmptinessMapToDisruption() throws Exception {
    Manifests m = read(seed("provisioners-x86.yaml"), seed("provisioners-arm.yaml"));

    NodePool spot = pool(m, "arm-spot-provisioner");
    assertThat(spot.disruption().consolidationPolicy())
        .isEqualTo(ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED);
    NodePool onDemand = pool(m, "x86-ondemand-provisioner");
    assertThat(onDemand.disruption().consolidationPolicy())
        .isEqualTo(ConsolidationPolicy.WHEN_EMPTY);
    assertThat(onDemand.disruption().consolidateAfter()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void armProvisionerCarriesRequirementsLabelsAndTaint() throws Exception {
    NodePool arm = pool(read(seed("provisioners-arm.yaml")), "arm-spot-provisioner");

    assertThat(arm.requirements().list())
        .contains(
            Requirement.in(WellKnownLabels.CAPACITY_TYPE, "spot"),
            Requirement.in(WellKnownLabels.ARCH, "arm64"),
            Requirement.in(
                WellKnownLabels.INSTANCE_TYPE,
                "im4gn.xlarge",
                "m6g.xlarge",
                "m6gd.xlarge",
                "t4g.xlarge"),
            Requirement.in(WellKnownLabels.ZONE, "us-east-1a", "us-east-1b", "us-east-1c"),
            Requirement.in(WellKnownLabels.OS, "linux"));
    assertThat(arm.taints())
        .containsExactly(new Taint("cpu-architecture", "arm64", Effect.NO_SCHEDULE));
    assertThat(arm.labels())
        .containsEntry("eks.amazonaws.com/capacityType", "SPOT")
        .containsEntry("group", "NONE");
    assertThat(arm.nodeClass().name()).isEqualTo("flink");
  }

  @Test
  void armProvisionerAloneWarnsThatItsNodeTemplateIsMissing() throws Exception {
    Manifests m = read(seed("provisioners-arm.yaml"));

    assertThat(pool(m, "arm-spot-provisioner").nodeClass().ephemeralVolumeBytes()).isNull();
    assertThat(m.warnings())
        .hasSize(2)
        .allSatisfy(w -> assertThat(w).contains("AWSNodeTemplate 'flink' is not in the input"));
  }

  @Test
  void gpuProvisionerIsOnDemandG4dnTaintedAndEmptiedAfterThirtySeconds() throws Exception {
    Manifests m = read(seed("gpu-inference.yaml"));

    NodePool gpu = pool(m, "gpu");
    assertThat(gpu.requirements().list())
        .contains(
            Requirement.in(WellKnownLabels.INSTANCE_TYPE, "g4dn.xlarge", "g4dn.2xlarge"),
            Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"));
    assertThat(gpu.taints()).containsExactly(new Taint("nvidia.com/gpu", "", Effect.NO_SCHEDULE));
    assertThat(gpu.disruption().consolidationPolicy()).isEqualTo(ConsolidationPolicy.WHEN_EMPTY);
    assertThat(gpu.disruption().consolidateAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(gpu.disruption().expireAfter()).isNull();
    assertThat(gpu.limits()).isEqualTo(Resources.of("gpu", 100));
    assertThat(m.warnings()).anySatisfy(w -> assertThat(w).contains("spec.limits.resources.gpu"));

    Pod resnet = pod(m, "resnet-0");
    assertThat(resnet.requests()).isEqualTo(Resources.of("nvidia.com/gpu", 1));
    assertThat(resnet.tolerations())
        .containsExactly(new Toleration("nvidia.com/gpu", false, "", Effect.NO_SCHEDULE));
  }

  @Test
  void managedNodeIsReadWithCapacityAndAllocatable() throws Exception {
    Manifests m = read(seed("managed-nodegroup.yaml"), seed("multi-arch-hello.yaml"));

    assertThat(m.nodes()).hasSize(1);
    Node node = m.nodes().get(0);
    assertThat(node.name()).isEqualTo("ip-10-0-1-17.ec2.internal");
    assertThat(node.labels())
        .containsEntry("group", "managed")
        .containsEntry("eks.amazonaws.com/capacityType", "ON_DEMAND")
        .containsEntry(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge");
    assertThat(node.capacity())
        .isEqualTo(Resources.of(Map.of("cpu", 4000L, "memory", 15896 * MI, "pods", 58L)));
    assertThat(node.allocatable())
        .isEqualTo(Resources.of(Map.of("cpu", 3920L, "memory", 14919 * MI, "pods", 58L)));
    assertThat(node.unschedulable()).isFalse();
    assertThat(node.taints()).isEmpty();
  }

  @Test
  void clusterConfigNodeGroupIsASpotPoolOfFiveNodesAtMost() throws Exception {
    Manifests m = read(seed("spot-nodegroup-cluster-autoscaler.yaml"));

    NodePool ng = pool(m, "test-ng-1");
    assertThat(ng.api()).isEqualTo(NodePool.Api.NODE_GROUP);
    assertThat(ng.weight()).isZero();
    assertThat(ng.maxNodes()).isEqualTo(5);
    assertThat(ng.requirements().list())
        .containsExactly(
            Requirement.in(WellKnownLabels.INSTANCE_TYPE, "m5.large", "m5d.large", "m4.large"),
            Requirement.in(WellKnownLabels.CAPACITY_TYPE, "spot"));
    assertThat(ng.labels())
        .containsEntry("lifecycle", "Ec2Spot")
        .containsEntry("intent", "apps")
        .containsEntry("aws.amazon.com/spot", "true");
    assertThat(ng.taints())
        .containsExactly(new Taint("spotInstance", "true", Effect.PREFER_NO_SCHEDULE));
    assertThat(ng.disruption().consolidationPolicy()).isEqualTo(ConsolidationPolicy.NONE);
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("metadata.region")
        .contains("cn-northwest-1");
  }

  @Test
  void multiArchHelloHasTwoReplicasOfUnknownArchitecture() throws Exception {
    Manifests m = read(seed("multi-arch-hello.yaml"));

    assertThat(m.pods())
        .extracting(p -> p.id().name())
        .containsExactly("hello-deployment-0", "hello-deployment-1");
    assertThat(m.pods()).allSatisfy(p -> assertThat(p.architectures()).isEmpty());
  }

  @Test
  void multiArchHelloTakesArchitecturesFromTheImageIndex() throws Exception {
    String image = "123456781234.dkr.ecr.ap-northeast-1.amazonaws.com/hello:latest";
    ReadOptions options =
        new ReadOptions(ReplicaPolicy.CURRENT, Map.of(image, Set.of("amd64", "arm64")));

    Manifests m = read(options, seed("multi-arch-hello.yaml"));

    assertThat(m.pods())
        .allSatisfy(p -> assertThat(p.architectures()).containsExactlyInAnyOrder("amd64", "arm64"));
  }

  @Test
  void wholeSeedDirectoryIsAccepted() throws Exception {
    Manifests m = read(Fixtures.seedDir());

    assertThat(m.nodePools()).hasSize(6);
    assertThat(m.nodes()).hasSize(1);
    assertThat(m.pods())
        .extracting(p -> p.id().name())
        .containsExactly(
            "flink-jobmanager-0",
            "flink-taskmanager-0",
            "resnet-0",
            "hello-deployment-0",
            "hello-deployment-1");
    // flink-x86.yaml redefines the objects of flink-arm.yaml: the later file wins, with warnings.
    assertThat(pod(m, "flink-jobmanager-0").tolerations()).isEmpty();
    assertThat(m.warnings()).filteredOn(w -> w.contains("this definition replaces it")).hasSize(3);
  }

  static Pod pod(Manifests m, String name) {
    return m.pods().stream().filter(p -> p.id().name().equals(name)).findFirst().orElseThrow();
  }

  static NodePool pool(Manifests m, String name) {
    return m.nodePools().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  static List<String> names(List<Pod> pods) {
    return pods.stream().map(p -> p.id().name()).toList();
  }
}
