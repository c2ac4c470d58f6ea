package io.flotilla.core.testing.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.resource.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KarpenterAllocatableTest {
  private static final long MIB = 1L << 20;
  private static final NodeClass DEFAULT_CLASS = NodeClass.defaults("default");

  /** The shared EC2 data beside the checkout (found by walking up from the working directory). */
  static Path instanceTypesCsv() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data").resolve("ec2-instance-types.csv");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/data/ec2-instance-types.csv not found");
  }

  @Test
  void cpuAndMemoryMatchWhatKarpenterReportsForEveryInstanceType() throws IOException {
    List<String> rows = Files.readAllLines(instanceTypesCsv());
    assertThat(rows.get(0))
        .contains("karpenter_allocatable_cpu_m,karpenter_allocatable_memory_mib");
    List<String> mismatches = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",", -1);
      InstanceType type = csvType(c);
      Map<String, Long> a =
          KarpenterAllocatable.allocatable(type, KubeletConfig.DEFAULT, DEFAULT_CLASS);
      long cpu = Long.parseLong(c[19]);
      long memoryMiB = Long.parseLong(c[20]);
      if (a.get("cpu") != cpu || a.get("memory") != memoryMiB * MIB) {
        mismatches.add(
            type.name()
                + ": "
                + a.get("cpu")
                + "m "
                + a.get("memory") / MIB
                + "Mi, Karpenter "
                + cpu
                + "m "
                + memoryMiB
                + "Mi");
      }
    }
    assertThat(rows).hasSizeGreaterThan(1000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void kubeReservedCpuFollowsTheCoreTiers() {
    assertThat(KarpenterAllocatable.kubeReservedCpuMillis(1)).isEqualTo(60);
    assertThat(KarpenterAllocatable.kubeReservedCpuMillis(2)).isEqualTo(70);
    assertThat(KarpenterAllocatable.kubeReservedCpuMillis(4)).isEqualTo(80);
    assertThat(KarpenterAllocatable.kubeReservedCpuMillis(8)).isEqualTo(90);
    assertThat(KarpenterAllocatable.kubeReservedCpuMillis(5)).as("82.5 rounds up").isEqualTo(83);
  }

  @Test
  void armLosesSixtyFourMebibytesBeforeTheVmOverhead() {
    assertThat(KarpenterAllocatable.memoryCapacityMiB(8192, "amd64")).isEqualTo(8192 - 615);
    assertThat(KarpenterAllocatable.memoryCapacityMiB(8192, "arm64")).isEqualTo(8128 - 610);
  }

  @Test
  void thePoolsKubeletSettingsChangePodsReservationsAndEviction() {
    InstanceType m5large = type("m5.large", 2, 8192, "amd64", 29);
    KubeletConfig custom =
        new KubeletConfig(
            110,
            10,
            Resources.parse(Map.of("cpu", "100m")),
            Resources.parse(Map.of("memory", "500Mi")),
            Map.of("memory.available", "200Mi", "nodefs.available", "5%"),
            Map.of("memory.available", "300Mi"));
    Map<String, Long> a = KarpenterAllocatable.allocatable(m5large, custom, DEFAULT_CLASS);
    assertThat(a.get("pods")).as("podsPerCore 10 x 2 vCPUs caps maxPods 110").isEqualTo(20);
    assertThat(a.get("cpu")).isEqualTo(2000 - 70 - 100);
    assertThat(a.get("memory")).isEqualTo((7577 - 500 - 300) * MIB);
    long volume = 20L << 30;
    long nodefs = (volume * 5 + 99) / 100;
    assertThat(a.get("ephemeral-storage")).isEqualTo(volume - (1L << 30) - nodefs);
    Map<String, Long> defaults =
        KarpenterAllocatable.allocatable(m5large, KubeletConfig.DEFAULT, DEFAULT_CLASS);
    assertThat(defaults.get("pods")).isEqualTo(29);
    assertThat(defaults.get("ephemeral-storage")).isEqualTo(volume - (1L << 30) - volume / 10);
  }

  @Test
  void gpusAreCapacity() {
    InstanceType g4dn =
        new InstanceType(
            "g4dn.xlarge",
            "g4dn",
            "g",
            4,
            "xlarge",
            4,
            16384,
            "amd64",
            "intel",
            new Gpu(1, "t4", "nvidia", 16384),
            125,
            5000,
            "nitro",
            3,
            10,
            29,
            0.526);
    assertThat(KarpenterAllocatable.allocatable(g4dn, KubeletConfig.DEFAULT, DEFAULT_CLASS))
        .containsEntry("nvidia.com/gpu", 1L);
  }

  private static InstanceType type(String name, int vcpu, long mib, String arch, int maxPods) {
    return new InstanceType(
        name, "x", "x", 0, "x", vcpu, mib, arch, "x", Gpu.NONE, null, 0, "nitro", 0, 0, maxPods,
        null);
  }

  /** The facts allocatable depends on, from one row: vCPUs, memory, architecture, max pods. */
  private static InstanceType csvType(String[] c) {
    return new InstanceType(
        c[0],
        c[1],
        c[2],
        0,
        c[4],
        Integer.parseInt(c[5]),
        Long.parseLong(c[6]),
        c[7],
        c[8],
        Gpu.NONE,
        null,
        0,
        c[15],
        0,
        0,
        Integer.parseInt(c[18]),
        null);
  }
}
