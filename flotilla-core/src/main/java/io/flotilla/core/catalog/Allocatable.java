package io.flotilla.core.catalog;

import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.resource.Quantity;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Node capacity and allocatable as the EKS AMIs and Karpenter compute them: VM memory overhead (7.5
 * %, after 64 MiB on arm64), kube-reserved CPU by core tier and memory by max pods, the pool's
 * system-reserved, and eviction thresholds.
 */
public final class Allocatable {
  static final double VM_MEMORY_OVERHEAD = 0.075;
  static final long ARM_MEMORY_HOLE_MIB = 64;
  static final long MIB = 1L << 20;
  static final long DEFAULT_MEMORY_EVICTION_MIB = 100;
  static final long KUBE_RESERVED_EPHEMERAL_BYTES = 1L << 30;
  static final double DEFAULT_NODEFS_EVICTION = 0.10;

  private Allocatable() {}

  /** Pods the kubelet admits: the ENI limit, or the pool's maxPods, capped by podsPerCore. */
  public static int maxPods(InstanceType type, KubeletConfig kubelet) {
    int pods = kubelet.maxPods() != null ? kubelet.maxPods() : type.maxPods();
    if (kubelet.podsPerCore() != null && kubelet.podsPerCore() > 0) {
      pods = Math.min(pods, kubelet.podsPerCore() * type.vcpu());
    }
    return pods;
  }

  /** What a node of this type reports as capacity. */
  public static Resources capacity(InstanceType type, KubeletConfig kubelet, NodeClass nodeClass) {
    Map<String, Long> c = new TreeMap<>();
    c.put(ResourceNames.CPU, type.vcpu() * 1000L);
    c.put(ResourceNames.MEMORY, memoryCapacityMiB(type) * MIB);
    c.put(ResourceNames.PODS, (long) maxPods(type, kubelet));
    c.put(ResourceNames.EPHEMERAL_STORAGE, ephemeralBytes(type, nodeClass));
    String gpu = type.gpu().resourceName();
    if (gpu != null) {
      c.put(gpu, (long) type.gpu().count());
    }
    // Device plugins advertise accelerators, EFA and pod ENIs as extended resources.
    type.devices().extended().asMap().forEach(c::putIfAbsent);
    return Resources.of(c);
  }

  /** What the scheduler may hand out on a node of this type under the pool's kubelet config. */
  public static Resources of(InstanceType type, KubeletConfig kubelet, NodeClass nodeClass) {
    Resources capacity = capacity(type, kubelet, nodeClass);
    Map<String, Long> reserved = new TreeMap<>();
    reserved.put(ResourceNames.CPU, kubeReservedCpuMillis(type.vcpu()));
    reserved.put(ResourceNames.MEMORY, (11L * maxPods(type, kubelet) + 255) * MIB);
    reserved.put(ResourceNames.EPHEMERAL_STORAGE, KUBE_RESERVED_EPHEMERAL_BYTES);
    Resources kubeReserved = Resources.of(reserved);
    // A pool's kubeReserved replaces the computed value per resource.
    for (String name : kubelet.kubeReserved().names()) {
      kubeReserved =
          kubeReserved
              .minusFloored(Resources.of(name, kubeReserved.get(name)))
              .plus(Resources.of(name, kubelet.kubeReserved().get(name)));
    }
    long memoryEviction =
        Math.max(
            threshold(kubelet.evictionHard(), "memory.available", capacity.get("memory"), -1),
            threshold(kubelet.evictionSoft(), "memory.available", capacity.get("memory"), -1));
    if (memoryEviction < 0) {
      memoryEviction = DEFAULT_MEMORY_EVICTION_MIB * MIB;
    }
    long storage = capacity.get(ResourceNames.EPHEMERAL_STORAGE);
    long nodefsEviction =
        Math.max(
            threshold(kubelet.evictionHard(), "nodefs.available", storage, -1),
            threshold(kubelet.evictionSoft(), "nodefs.available", storage, -1));
    if (nodefsEviction < 0) {
      nodefsEviction = (long) Math.ceil(storage * DEFAULT_NODEFS_EVICTION);
    }
    Resources eviction =
        Resources.of(
            Map.of(
                ResourceNames.MEMORY,
                memoryEviction,
                ResourceNames.EPHEMERAL_STORAGE,
                nodefsEviction));
    return capacity
        .minusFloored(kubeReserved)
        .minusFloored(kubelet.systemReserved())
        .minusFloored(eviction);
  }

  static long memoryCapacityMiB(InstanceType type) {
    long mib = type.memoryMiB();
    if ("arm64".equals(type.arch())) {
      mib -= ARM_MEMORY_HOLE_MIB;
    }
    return mib - (long) Math.ceil(mib * VM_MEMORY_OVERHEAD);
  }

  static long ephemeralBytes(InstanceType type, NodeClass nodeClass) {
    if (nodeClass.instanceStoreRaid0() && type.localNvmeGb() != null && type.localNvmeGb() > 0) {
      return type.localNvmeGb() * 1_000_000_000L;
    }
    return nodeClass.volumeBytes();
  }

  /** 6 % of the first core, 1 % of the second, 0.5 % of the next two, 0.25 % of the rest. */
  static long kubeReservedCpuMillis(int vcpu) {
    double millis = 0;
    for (int core = 1; core <= vcpu; core++) {
      millis += core == 1 ? 60 : core == 2 ? 10 : core <= 4 ? 5 : 2.5;
    }
    return (long) Math.ceil(millis);
  }

  /** An eviction threshold in bytes, from "100Mi" or "10%" of the total; fallback when absent. */
  static long threshold(Map<String, String> thresholds, String signal, long total, long fallback) {
    String value = thresholds.get(signal);
    if (value == null) {
      return fallback;
    }
    if (value.endsWith("%")) {
      BigDecimal pct = new BigDecimal(value.substring(0, value.length() - 1));
      return BigDecimal.valueOf(total)
          .multiply(pct)
          .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
          .longValueExact();
    }
    return Quantity.canonical(ResourceNames.MEMORY, value);
  }
}
