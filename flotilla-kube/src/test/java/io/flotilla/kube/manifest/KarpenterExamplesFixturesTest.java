package io.flotilla.kube.manifest;

import static io.flotilla.kube.manifest.Fixtures.karpenter;
import static io.flotilla.kube.manifest.Fixtures.read;
import static io.flotilla.kube.manifest.SeedArchitectureFixturesTest.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Disruption.ConsolidationPolicy;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.workload.DisruptionBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KarpenterExamplesFixturesTest {
  private static final long GI = 1L << 30;

  static Stream<Path> nodePoolFiles() {
    return Fixtures.filesUnder(karpenter("nodepools")).stream();
  }

  static Stream<Path> workloadFiles() {
    return Fixtures.filesUnder(karpenter("workloads")).stream();
  }

  @ParameterizedTest
  @MethodSource("nodePoolFiles")
  void everyNodePoolExampleIsAcceptedWithItsNodeClass(Path file) throws Exception {
    Manifests m = read(file);

    assertThat(m.nodePools())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.api()).isEqualTo(NodePool.Api.V1);
              assertThat(p.requirements().isEmpty()).isFalse();
            });
    assertThat(m.warnings()).noneMatch(w -> w.contains("is not in the input"));
    assertThat(m.skippedKinds()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("workloadFiles")
  void everyWorkloadExampleIsAccepted(Path file) throws Exception {
    Manifests m = read(file);

    assertThat(m.pods()).allSatisfy(p -> assertThat(p.requests().get("cpu")).isEqualTo(1000));
    assertThat(m.nodePools()).isEmpty();
  }

  @Test
  void bothExampleDirectoriesAreAcceptedTogether() throws Exception {
    Manifests m = read(karpenter(""));

    // nodepools/ reuses the names "default" and "spot": later files replace earlier ones.
    assertThat(m.nodePools())
        .extracting(NodePool::name)
        .containsExactlyInAnyOrder(
            "limitcpu100",
            "default",
            "general-purpose",
            "large-instances",
            "spot",
            "amd64",
            "arm64",
            "windows2019",
            "windows2022",
            "windows2025");
    assertThat(m.pods()).hasSize(1 + 10 + 1 + 50 + 10);
    assertThat(m.skippedKinds()).isEmpty();
    assertThat(m.budgets()).extracting(DisruptionBudget::name).containsExactly("pdb");
  }

  @Test
  void cpuLimitPoolIsCappedAtOneHundredCores() throws Exception {
    NodePool p = pool(read(karpenter("nodepools/100-cpu-limit.yaml")), "limitcpu100");

    assertThat(p.limits()).isEqualTo(Resources.of("cpu", 100_000));
    assertThat(p.requirements().list())
        .contains(
            Requirement.in(WellKnownLabels.ARCH, "amd64"),
            Requirement.in(WellKnownLabels.OS, "linux"),
            Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"),
            Requirement.in(WellKnownLabels.INSTANCE_CATEGORY, "c", "m", "r"),
            new Requirement(WellKnownLabels.INSTANCE_GENERATION, Operator.GT, Set.of("2"), null));
    assertThat(p.nodeClass().amiFamily()).isEqualTo("AL2023");
    assertThat(p.disruption().expireAfter()).isEqualTo(Duration.ofHours(720));
    assertThat(p.disruption().consolidationPolicy())
        .isEqualTo(ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED);
  }

  @Test
  void maxNodeLifetimeExpiresAfterOneWeekWithADayOfGrace() throws Exception {
    NodePool p = pool(read(karpenter("nodepools/max-node-lifetime.yaml")), "default");

    assertThat(p.disruption().expireAfter()).isEqualTo(Duration.ofHours(168));
    assertThat(p.disruption().terminationGracePeriod()).isEqualTo(Duration.ofHours(24));
    assertThat(p.disruption().consolidationPolicy()).isEqualTo(ConsolidationPolicy.WHEN_EMPTY);
    assertThat(p.disruption().consolidateAfter()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void minValuesAreKeptOnTheirRequirements() throws Exception {
    NodePool p = pool(read(karpenter("nodepools/min-values-multiple-keys.yaml")), "spot");

    assertThat(p.requirements().list())
        .contains(
            new Requirement(
                WellKnownLabels.INSTANCE_CATEGORY, Operator.IN, Set.of("c", "m", "r"), 2),
            new Requirement(WellKnownLabels.INSTANCE_FAMILY, Operator.EXISTS, Set.of(), 5),
            new Requirement(WellKnownLabels.INSTANCE_TYPE, Operator.EXISTS, Set.of(), 2));
  }

  @Test
  void largeInstancesUseNumericGtRequirements() throws Exception {
    NodePool p = pool(read(karpenter("nodepools/large-instances.yaml")), "large-instances");

    assertThat(p.requirements().list())
        .containsExactly(
            new Requirement(WellKnownLabels.INSTANCE_CPU, Operator.GT, Set.of("3"), null),
            new Requirement(WellKnownLabels.INSTANCE_MEMORY, Operator.GT, Set.of("8191"), null),
            // No capacity type named: Karpenter's NodeClaims default to on-demand.
            Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"));
  }

  @Test
  void windowsPoolsRunWindowsAmis() throws Exception {
    for (String version : new String[] {"2019", "2022", "2025"}) {
      NodePool p =
          pool(read(karpenter("nodepools/windows-" + version + ".yaml")), "windows" + version);

      assertThat(p.requirements().list()).contains(Requirement.in(WellKnownLabels.OS, "windows"));
      assertThat(p.nodeClass().amiFamily()).isEqualTo("Windows" + version);
      assertThat(p.nodeClass().os()).isEqualTo("windows");
    }
  }

  @Test
  void windowsCustomUserDataWarnsAboutTheVersionedNodeClassGroup() throws Exception {
    Manifests m = read(karpenter("nodepools/windows-custom-userdata.yaml"));

    assertThat(pool(m, "windows2022").nodeClass().amiFamily()).isEqualTo("Windows2022");
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("windows-custom-userdata.yaml:32: document 1 (NodePool/windows2022)")
        .contains("spec.template.spec.nodeClassRef.group");
  }

  @Test
  void bottlerocketUsesTheDataVolumeOnXvdb() throws Exception {
    NodePool p = pool(read(karpenter("nodepools/bottlerocket.yaml")), "default");

    assertThat(p.nodeClass().amiFamily()).isEqualTo("Bottlerocket");
    assertThat(p.nodeClass().ephemeralVolumeBytes()).isEqualTo(20 * GI);
    assertThat(p.nodeClass().ebsBytes()).isEqualTo(24 * GI);
  }

  @Test
  void multipleEbsUsesTheRootDeviceXvdaAndPaysForAllThree() throws Exception {
    NodePool p = pool(read(karpenter("nodepools/multiple-ebs.yaml")), "default");

    assertThat(p.nodeClass().ephemeralVolumeBytes()).isEqualTo(20 * GI);
    assertThat(p.nodeClass().ebsBytes()).isEqualTo(2120 * GI);
  }

  @Test
  void instanceStorePolicyRaid0IsKept() throws Exception {
    NodePool p =
        pool(read(karpenter("nodepools/instance-store-ephemeral-storage.yaml")), "default");

    assertThat(p.nodeClass().instanceStoreRaid0()).isTrue();
    assertThat(p.nodeClass().ephemeralVolumeBytes()).isNull();
    assertThat(p.requirements().list())
        .contains(
            new Requirement(WellKnownLabels.INSTANCE_LOCAL_NVME, Operator.GT, Set.of("300"), null));
  }

  @Test
  void explicitAmiFamilyWinsOverTheAlias() throws Exception {
    assertThat(
            pool(read(karpenter("nodepools/custom-family-with-alias.yaml")), "default")
                .nodeClass()
                .amiFamily())
        .isEqualTo("Custom");
    assertThat(
            pool(read(karpenter("nodepools/al2-custom-ami.yaml")), "default")
                .nodeClass()
                .amiFamily())
        .isEqualTo("AL2");
  }

  @Test
  void multipleArchGivesOnePoolPerArchitecture() throws Exception {
    Manifests m = read(karpenter("nodepools/multiple-arch.yaml"));

    assertThat(pool(m, "amd64").requirements().list())
        .contains(Requirement.in(WellKnownLabels.ARCH, "amd64"));
    assertThat(pool(m, "arm64").requirements().list())
        .contains(Requirement.in(WellKnownLabels.ARCH, "arm64"));
  }

  @Test
  void workloadsShippedAtZeroReplicasPlanNoPods() throws Exception {
    for (String file :
        new String[] {"spot", "gpu-amd", "gpu-nvidia", "neuron", "prefer-arm", "spread-zone"}) {
      assertThat(read(karpenter("workloads/" + file + ".yaml")).pods()).as(file).isEmpty();
    }
  }

  @Test
  void arm64WorkloadWarnsAboutTheTypoButIsPlanned() throws Exception {
    Manifests m = read(karpenter("workloads/arm64.yaml"));

    Pod pod = m.pods().get(0);
    assertThat(pod.nodeAffinity().requiredTerms())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.list())
                    .containsExactly(Requirement.in(WellKnownLabels.ARCH, "arm64")));
    assertThat(pod.requests())
        .isEqualTo(Resources.of(Map.of("cpu", 1000L, "memory", 256_000_000L)));
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("arm64.yaml:27: document 1 (Deployment/arm64)")
        .contains("spec.template.spec.containers[0].securityContext.allowPrivilegedEscalation");
  }

  @Test
  void spreadWorkloadsCarryHardSpreadConstraints() throws Exception {
    Manifests m = read(karpenter("workloads/spread-hostname-zone.yaml"));

    assertThat(m.pods()).hasSize(50);
    assertThat(m.pods().get(0).topologySpread())
        .hasSize(2)
        .allSatisfy(
            s -> {
              assertThat(s.hard()).isTrue();
              assertThat(s.selector().matchLabels()).containsEntry("app", "host-zone-spread");
            });
    assertThat(m.pods().get(0).topologySpread().get(1).maxSkew()).isEqualTo(5);
  }

  @Test
  void inflateDefaultsToOneReplica() throws Exception {
    assertThat(read(karpenter("workloads/inflate.yaml")).pods())
        .extracting(p -> p.id().name())
        .containsExactly("inflate-0");
  }
}
