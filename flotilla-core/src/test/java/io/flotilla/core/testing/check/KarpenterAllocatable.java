package io.flotilla.core.testing.check;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Capacity and allocatable of a Karpenter node on EKS, computed again from the instance type's
 * facts for the checker (REFERENCE.md, "Allocatable"): memory capacity is the type's MiB less 64
 * MiB on arm64, less 7.5 % (rounded up) for the VM; kube-reserved CPU is 6 % of the first core, 1 %
 * of the second, 0.5 % of cores 3 and 4, 0.25 % of each further core (rounded up to a millicore);
 * kube-reserved memory is 11 MiB per pod plus 255 MiB and 1 GiB of ephemeral storage; the pool's
 * kubeReserved replaces those per resource and its systemReserved is subtracted as given; the
 * eviction threshold is the larger of evictionHard and evictionSoft per signal, by default 100 MiB
 * of memory and 10 % of the node file system. Pods: the type's ENI limit or the pool's maxPods,
 * capped by podsPerCore x vCPUs. GPUs and device-plugin resources count as capacity.
 */
public final class KarpenterAllocatable {
  private static final long MIB = 1L << 20;

  private KarpenterAllocatable() {}

  public static long maxPods(InstanceType type, KubeletConfig kubelet) {
    long pods = kubelet.maxPods() != null ? kubelet.maxPods() : type.maxPods();
    Integer perCore = kubelet.podsPerCore();
    if (perCore != null && perCore > 0) {
      pods = Math.min(pods, (long) perCore * type.vcpu());
    }
    return pods;
  }

  /** Memory capacity in MiB: arm64 loses 64 MiB to the firmware, then 7.5 % goes to the VM. */
  public static long memoryCapacityMiB(long memoryMiB, String arch) {
    long mib = "arm64".equals(arch) ? memoryMiB - 64 : memoryMiB;
    long overhead =
        BigDecimal.valueOf(mib)
            .multiply(new BigDecimal("0.075"))
            .setScale(0, RoundingMode.CEILING)
            .longValueExact();
    return mib - overhead;
  }

  /** Kube-reserved CPU in millicores for this many vCPUs. */
  public static long kubeReservedCpuMillis(int vcpu) {
    // In tenths of a millicore: 600 for core 1, 100 for core 2, 50 for cores 3-4, 25 beyond.
    long tenths = 0;
    for (int core = 1; core <= vcpu; core++) {
      tenths += core == 1 ? 600 : core == 2 ? 100 : core <= 4 ? 50 : 25;
    }
    return (tenths + 9) / 10;
  }

  /** What the node reports as capacity, in canonical units (millicores, bytes, counts). */
  public static Map<String, Long> capacity(InstanceType type, KubeletConfig kubelet, NodeClass nc) {
    Map<String, Long> c = new TreeMap<>();
    c.put("cpu", type.vcpu() * 1000L);
    c.put("memory", memoryCapacityMiB(type.memoryMiB(), type.arch()) * MIB);
    c.put("pods", maxPods(type, kubelet));
    c.put("ephemeral-storage", ephemeralBytes(type, nc));
    if (type.gpu().count() > 0) {
      String name =
          switch (String.valueOf(type.gpu().manufacturer())) {
            case "nvidia" -> "nvidia.com/gpu";
            case "amd" -> "amd.com/gpu";
            default -> null;
          };
      if (name != null) {
        c.put(name, (long) type.gpu().count());
      }
    }
    type.devices().extended().asMap().forEach(c::putIfAbsent);
    return c;
  }

  private static long ephemeralBytes(InstanceType type, NodeClass nc) {
    if (nc.instanceStoreRaid0() && type.localNvmeGb() != null && type.localNvmeGb() > 0) {
      return type.localNvmeGb() * 1_000_000_000L;
    }
    return nc.ephemeralVolumeBytes() != null ? nc.ephemeralVolumeBytes() : 20L * 1024 * MIB;
  }

  /** What the scheduler may hand out on the node. */
  public static Map<String, Long> allocatable(
      InstanceType type, KubeletConfig kubelet, NodeClass nc) {
    Map<String, Long> capacity = capacity(type, kubelet, nc);
    Map<String, Long> reserved = new TreeMap<>();
    reserved.put("cpu", kubeReservedCpuMillis(type.vcpu()));
    reserved.put("memory", (11 * maxPods(type, kubelet) + 255) * MIB);
    reserved.put("ephemeral-storage", 1024 * MIB);
    reserved.putAll(kubelet.kubeReserved().asMap());
    long memory = capacity.get("memory");
    long storage = capacity.get("ephemeral-storage");
    long memoryEviction = eviction(kubelet, "memory.available", memory, 100 * MIB);
    long storageEviction =
        eviction(kubelet, "nodefs.available", storage, percent(storage, BigDecimal.TEN));
    Map<String, Long> out = new TreeMap<>(capacity);
    subtract(out, reserved);
    subtract(out, kubelet.systemReserved().asMap());
    subtract(out, Map.of("memory", memoryEviction, "ephemeral-storage", storageEviction));
    return out;
  }

  private static void subtract(Map<String, Long> from, Map<String, Long> amounts) {
    amounts.forEach(
        (name, v) -> {
          if (from.containsKey(name)) {
            from.put(name, Math.max(0, from.get(name) - v));
          }
        });
  }

  private static long eviction(KubeletConfig k, String signal, long total, long fallback) {
    Long hard = threshold(k.evictionHard().get(signal), total);
    Long soft = threshold(k.evictionSoft().get(signal), total);
    if (hard == null && soft == null) {
      return fallback;
    }
    return Math.max(hard == null ? 0 : hard, soft == null ? 0 : soft);
  }

  private static Long threshold(String text, long total) {
    if (text == null) {
      return null;
    }
    if (text.endsWith("%")) {
      return percent(total, new BigDecimal(text.substring(0, text.length() - 1)));
    }
    return bytes(text);
  }

  private static long percent(long total, BigDecimal pct) {
    return BigDecimal.valueOf(total)
        .multiply(pct)
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** A Kubernetes byte quantity: plain, or with a binary (Ki..Ei) or decimal (k..E) suffix. */
  static long bytes(String text) {
    String[] suffixes = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "k", "M", "G", "T", "P", "E"};
    for (int i = 0; i < suffixes.length; i++) {
      if (text.endsWith(suffixes[i])) {
        String number = text.substring(0, text.length() - suffixes[i].length());
        BigDecimal unit =
            i < 6 ? BigDecimal.valueOf(2).pow(10 * (i + 1)) : BigDecimal.TEN.pow(3 * (i - 5));
        return new BigDecimal(number)
            .multiply(unit)
            .setScale(0, RoundingMode.CEILING)
            .longValueExact();
      }
    }
    return new BigDecimal(text).setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
