package io.flotilla.kube.manifest;

import static io.flotilla.kube.manifest.SeedArchitectureFixturesTest.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.CronSchedule;
import io.flotilla.core.nodepool.Disruption.ConsolidationPolicy;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodesAndPoolsTest {
  private static final long GI = 1L << 30;

  @TempDir Path dir;

  private Manifests read(String yaml) throws ManifestException {
    return Fixtures.readText(dir, "input.yaml", yaml);
  }

  @Test
  void nodeWithoutAllocatableUsesItsCapacityAndKeepsTaintsAndCordon() throws Exception {
    Node node =
        read("""
        apiVersion: v1
        kind: Node
        metadata: {name: n1, labels: {kubernetes.io/arch: arm64}}
        spec:
          unschedulable: true
          taints: [{key: cpu-architecture, value: arm64, effect: NoSchedule}]
        status:
          capacity: {cpu: "2", memory: 8Gi, pods: "29"}
        ---
        """
                + Fixtures.A_POD)
            .nodes()
            .get(0);

    assertThat(node.allocatable()).isEqualTo(node.capacity());
    assertThat(node.capacity())
        .isEqualTo(Resources.of(Map.of("cpu", 2000L, "memory", 8 * GI, "pods", 29L)));
    assertThat(node.unschedulable()).isTrue();
    assertThat(node.taints())
        .containsExactly(new Taint("cpu-architecture", "arm64", Effect.NO_SCHEDULE));
  }

  @Test
  void nodeWithoutCapacityOrAllocatableIsAnError() {
    ManifestException e =
        catchThrowableOfType(
            ManifestException.class,
            () ->
                read(
                    "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus: {phase: Running}\n"));

    assertThat(e.fieldPath()).isEqualTo("status");
    assertThat(e.line()).isEqualTo(4);
  }

  @Test
  void v1beta1NodePoolReadsKubeletAndExpiryWhereV1beta1KeptThem() throws Exception {
    Manifests m =
        read(
            """
        apiVersion: karpenter.sh/v1beta1
        kind: NodePool
        metadata: {name: beta}
        spec:
          weight: 5
          template:
            metadata: {labels: {team: data}}
            spec:
              nodeClassRef: {apiVersion: karpenter.k8s.aws/v1beta1, kind: EC2NodeClass, name: beta}
              kubelet: {maxPods: 110, kubeReserved: {cpu: 200m}, evictionHard: {memory.available: 5%}}
              requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}]
              startupTaints: [{key: node.cilium.io/agent-not-ready, effect: NoExecute}]
          disruption:
            consolidationPolicy: WhenUnderutilized
            expireAfter: Never
            budgets:
              - nodes: "0"
                schedule: "0 9 * * mon-fri"
                duration: 8h
              - nodes: "20%"
          limits: {cpu: "1k", nvidia.com/gpu: 8}
        ---
        apiVersion: karpenter.k8s.aws/v1beta1
        kind: EC2NodeClass
        metadata: {name: beta}
        spec:
          amiFamily: AL2
          role: KarpenterNodeRole
        """);

    NodePool p = pool(m, "beta");
    assertThat(p.api()).isEqualTo(NodePool.Api.V1);
    assertThat(p.weight()).isEqualTo(5);
    assertThat(p.labels()).containsEntry("team", "data");
    assertThat(p.kubelet().maxPods()).isEqualTo(110);
    assertThat(p.kubelet().kubeReserved()).isEqualTo(Resources.of("cpu", 200));
    assertThat(p.kubelet().evictionHard()).containsEntry("memory.available", "5%");
    assertThat(p.startupTaints())
        .containsExactly(new Taint("node.cilium.io/agent-not-ready", "", Effect.NO_EXECUTE));
    assertThat(p.disruption().consolidationPolicy())
        .isEqualTo(ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED);
    assertThat(p.disruption().expireAfter()).isNull();
    assertThat(p.disruption().budgets())
        .containsExactly(
            new Budget("0", CronSchedule.parse("0 9 * * mon-fri"), Duration.ofHours(8), Set.of()),
            new Budget("20%", null, null, Set.of()));
    assertThat(p.limits()).isEqualTo(Resources.of(Map.of("cpu", 1_000_000L, "nvidia.com/gpu", 8L)));
    assertThat(p.nodeClass().amiFamily()).isEqualTo("AL2");
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void v1NodePoolTakesKubeletFromItsEc2NodeClassAndNeverConsolidatesWhenToldSo() throws Exception {
    Manifests m =
        read(
            """
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata: {name: big}
        spec:
          amiSelectorTerms: [{alias: al2023@latest}]
          kubelet: {maxPods: 50, systemReserved: {memory: 1Gi}}
          blockDeviceMappings:
            - {deviceName: /dev/xvda, ebs: {volumeSize: 50Gi}}
            - {deviceName: /dev/xvdb, rootVolume: true, ebs: {volumeSize: 200Gi}}
        ---
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: v1}
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: big}
              requirements: [{key: kubernetes.io/arch, operator: Exists}]
              expireAfter: Never
          disruption: {consolidationPolicy: WhenEmpty, consolidateAfter: Never}
        """);

    NodePool p = pool(m, "v1");
    assertThat(p.kubelet().maxPods()).isEqualTo(50);
    assertThat(p.kubelet().systemReserved()).isEqualTo(Resources.of("memory", GI));
    assertThat(p.nodeClass().ephemeralVolumeBytes()).isEqualTo(200 * GI);
    assertThat(p.disruption().consolidationPolicy()).isEqualTo(ConsolidationPolicy.WHEN_EMPTY);
    assertThat(p.disruption().consolidateAfter()).isNull();
    assertThat(p.disruption().expireAfter()).isNull();
    assertThat(p.disruption().budgets()).containsExactly(Budget.DEFAULT);
  }

  @Test
  void missingEc2NodeClassGivesDefaultsAndAWarning() throws Exception {
    Manifests m =
        read(
            """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: lonely}
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: absent}
              requirements: []
              kubelet: {maxPods: 30}
          futureField: 1
        """);

    NodePool p = pool(m, "lonely");
    assertThat(p.nodeClass()).isEqualTo(io.flotilla.core.nodepool.NodeClass.defaults("absent"));
    assertThat(p.kubelet().maxPods()).isEqualTo(30);
    assertThat(m.warnings())
        .hasSize(3)
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(":10: document 1 (NodePool/lonely): spec.futureField: unknown field"))
        .anySatisfy(w -> assertThat(w).contains("EC2NodeClass 'absent' is not in the input"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("spec.template.spec.kubelet: karpenter.sh/v1 reads kubelet"));
  }

  @Test
  void provisionerGetsKarpenterWebhookDefaultsAndAnInlineProvider() throws Exception {
    NodePool p =
        pool(
            read(
                """
        apiVersion: karpenter.sh/v1alpha5
        kind: Provisioner
        metadata: {name: plain}
        spec:
          provider:
            amiFamily: Bottlerocket
            subnetSelector: {karpenter.sh/discovery: demo}
            blockDeviceMappings: [{deviceName: /dev/xvdb, ebs: {volumeSize: 100Gi}}]
        """),
            "plain");

    assertThat(p.requirements().list())
        .containsExactly(
            Requirement.in(WellKnownLabels.OS, "linux"),
            Requirement.in(WellKnownLabels.ARCH, "amd64"),
            Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"),
            Requirement.in(WellKnownLabels.INSTANCE_CATEGORY, "c", "m", "r"),
            new Requirement(WellKnownLabels.INSTANCE_GENERATION, Operator.GT, Set.of("2"), null));
    assertThat(p.nodeClass().amiFamily()).isEqualTo("Bottlerocket");
    assertThat(p.nodeClass().ephemeralVolumeBytes()).isEqualTo(100 * GI);
    assertThat(p.disruption().consolidationPolicy()).isEqualTo(ConsolidationPolicy.NONE);
    assertThat(p.disruption().expireAfter()).isNull();
  }

  @Test
  void provisionerCannotBothConsolidateAndExpireWhenEmpty() {
    ManifestException e =
        catchThrowableOfType(
            ManifestException.class,
            () ->
                read(
                    """
        apiVersion: karpenter.sh/v1alpha5
        kind: Provisioner
        metadata: {name: both}
        spec:
          consolidation: {enabled: true}
          ttlSecondsAfterEmpty: 30
        """));

    assertThat(e.fieldPath()).isEqualTo("spec.ttlSecondsAfterEmpty");
    assertThat(e.line()).isEqualTo(6);
  }

  @Test
  void aBudgetWithABadCronScheduleNamesTheScheduleField() {
    ManifestException e =
        catchThrowableOfType(
            ManifestException.class,
            () ->
                read(
                    """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: windows}
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
              requirements: [{key: kubernetes.io/arch, operator: Exists}]
          disruption:
            budgets:
              - {nodes: "20%"}
              - {nodes: "0", schedule: "0 25 * * mon-fri", duration: 8h}
        """));

    assertThat(e.fieldPath()).isEqualTo("spec.disruption.budgets[1].schedule");
    assertThat(e.getMessage()).contains("hour 25");
  }

  @Test
  void managedNodeGroupsUseSpotFlagListTaintsAndEksLabels() throws Exception {
    Manifests m =
        read(
            """
        apiVersion: eksctl.io/v1alpha5
        kind: ClusterConfig
        metadata: {name: demo, region: us-east-1}
        managedNodeGroups:
          - name: spot-mng
            instanceTypes: [c6g.large, c7g.large]
            spot: true
            desiredCapacity: 2
            maxPodsPerNode: 17
            amiFamily: AmazonLinux2023
            volumeSize: 40
            taints: [{key: workload, value: batch, effect: NoSchedule}]
          - name: od-mng
            instanceType: m5.xlarge
            minSize: 1
            maxSize: 3
            availabilityZones: [us-east-1a]
        """);

    NodePool spot = pool(m, "spot-mng");
    assertThat(spot.requirements().list())
        .contains(Requirement.in(WellKnownLabels.CAPACITY_TYPE, "spot"));
    assertThat(spot.labels())
        .containsEntry("eks.amazonaws.com/capacityType", "SPOT")
        .containsEntry("eks.amazonaws.com/nodegroup", "spot-mng");
    assertThat(spot.taints()).containsExactly(new Taint("workload", "batch", Effect.NO_SCHEDULE));
    assertThat(spot.maxNodes()).isEqualTo(2);
    assertThat(spot.kubelet().maxPods()).isEqualTo(17);
    assertThat(spot.nodeClass().amiFamily()).isEqualTo("AL2023");
    assertThat(spot.nodeClass().ephemeralVolumeBytes()).isEqualTo(40 * GI);
    NodePool onDemand = pool(m, "od-mng");
    assertThat(onDemand.requirements().list())
        .containsExactly(
            Requirement.in(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge"),
            Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"),
            Requirement.in(WellKnownLabels.ZONE, "us-east-1a"));
    assertThat(onDemand.labels()).containsEntry("eks.amazonaws.com/capacityType", "ON_DEMAND");
    assertThat(onDemand.maxNodes()).isEqualTo(3);
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void eksctlTaintWithoutEffectIsAnError() {
    ManifestException e =
        catchThrowableOfType(
            ManifestException.class,
            () ->
                read(
                    """
        apiVersion: eksctl.io/v1alpha5
        kind: ClusterConfig
        metadata: {name: demo, region: us-east-1}
        nodeGroups:
          - name: ng
            taints:
              dedicated: "gpu:NoSchedul"
        """));

    assertThat(e.fieldPath()).isEqualTo("nodeGroups[0].taints.dedicated");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.problem()).contains("unknown taint effect 'NoSchedul'");
  }
}
