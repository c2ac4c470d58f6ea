package io.flotilla.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.TestCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Allocatable as the EKS AMI and Karpenter compute it, checked against known rows. */
class AllocatableTest {
  private static final Catalog CATALOG = TestCatalog.create();
  private static final NodeClass DEFAULT_CLASS = NodeClass.defaults("default");
  private static final long MI = 1L << 20;

  private static Resources allocatable(String type, KubeletConfig kubelet) {
    return Allocatable.of(CATALOG.type(type).orElseThrow(), kubelet, DEFAULT_CLASS);
  }

  private static KubeletConfig kubelet(
      Integer maxPods, Integer podsPerCore, Resources systemReserved, Map<String, String> hard) {
    return new KubeletConfig(maxPods, podsPerCore, systemReserved, null, hard, null);
  }

  @ParameterizedTest(name = "{0}: {1}m cpu, {2}Mi memory, {3} pods")
  @CsvSource({
    "m5.xlarge, 3920, 14162, 58",
    "m6g.xlarge, 3920, 14103, 58",
    "m5.large, 1930, 6903, 29",
    "m5.2xlarge, 7910, 29317, 58",
    "m5.4xlarge, 15890, 57691, 234"
  })
  void knownRowsWithTheDefaultKubelet(String type, long cpuMillis, long memoryMi, long pods) {
    Resources a = allocatable(type, KubeletConfig.DEFAULT);
    assertThat(a.get("cpu")).isEqualTo(cpuMillis);
    assertThat(a.get("memory")).isEqualTo(memoryMi * MI);
    assertThat(a.get("pods")).isEqualTo(pods);
  }

  @Test
  void capacityIsMemoryLessTheVmOverheadAndArmLosesSixtyFourMebibytesMore() {
    Resources m5 =
        Allocatable.capacity(
            CATALOG.type("m5.xlarge").orElseThrow(), KubeletConfig.DEFAULT, DEFAULT_CLASS);
    Resources m6g =
        Allocatable.capacity(
            CATALOG.type("m6g.xlarge").orElseThrow(), KubeletConfig.DEFAULT, DEFAULT_CLASS);
    assertThat(m5.get("cpu")).isEqualTo(4000);
    assertThat(m5.get("memory")).isEqualTo(15155 * MI); // 16384 - ceil(7.5 %)
    assertThat(m6g.get("memory")).isEqualTo(15096 * MI); // 16320 - ceil(7.5 %)
    assertThat(m5.get("ephemeral-storage")).isEqualTo(20L << 30);
  }

  @Test
  void maxPodsOverrideLowersTheKubeReservedMemoryAndThePodCount() {
    // 15155Mi - (11 x 20 + 255)Mi - 100Mi
    Resources a = allocatable("m5.xlarge", kubelet(20, null, null, null));
    assertThat(a.get("pods")).isEqualTo(20);
    assertThat(a.get("memory")).isEqualTo(14580 * MI);
    assertThat(a.get("cpu")).isEqualTo(3920);
  }

  @Test
  void podsPerCoreCapsThePodCount() {
    Resources a = allocatable("m5.xlarge", kubelet(null, 2, null, null));
    assertThat(a.get("pods")).isEqualTo(8);
    assertThat(a.get("memory")).isEqualTo((15155 - (11 * 8 + 255) - 100) * MI);
  }

  @Test
  void systemReservedComesOffOnTop() {
    Resources reserved = Resources.parse(Map.of("cpu", "100m", "memory", "200Mi"));
    Resources a = allocatable("m5.xlarge", kubelet(null, null, reserved, null));
    assertThat(a.get("cpu")).isEqualTo(3820);
    assertThat(a.get("memory")).isEqualTo(13962 * MI);
  }

  @Test
  void aHardMemoryEvictionThresholdReplacesTheDefault() {
    Resources a =
        allocatable("m5.xlarge", kubelet(null, null, null, Map.of("memory.available", "500Mi")));
    assertThat(a.get("memory")).isEqualTo((14162 + 100 - 500) * MI);
  }

  @Test
  void ephemeralStorageLosesKubeReservedAndTheDefaultTenPercentEviction() {
    Resources a = allocatable("m5.xlarge", KubeletConfig.DEFAULT);
    assertThat(a.get("ephemeral-storage")).isEqualTo(17L << 30); // 20Gi - 1Gi - 2Gi
  }

  @Test
  void kubeReservedCpuFollowsTheCoreTiers() {
    assertThat(Allocatable.kubeReservedCpuMillis(1)).isEqualTo(60);
    assertThat(Allocatable.kubeReservedCpuMillis(2)).isEqualTo(70);
    assertThat(Allocatable.kubeReservedCpuMillis(4)).isEqualTo(80);
    assertThat(Allocatable.kubeReservedCpuMillis(8)).isEqualTo(90);
    assertThat(Allocatable.kubeReservedCpuMillis(48)).isEqualTo(190);
  }

  @Test
  void gpusAppearAsTheirExtendedResource() {
    Resources a = allocatable("g4dn.xlarge", KubeletConfig.DEFAULT);
    assertThat(a.get("nvidia.com/gpu")).isEqualTo(1);
    assertThat(allocatable("m5.xlarge", KubeletConfig.DEFAULT).get("nvidia.com/gpu")).isZero();
  }
}
