package io.flotilla.core.catalog;

import io.flotilla.core.label.WellKnownLabels;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An EC2 instance type with the facts scheduling and pricing need. {@code onDemandPrice} is USD per
 * hour, or null where no price is published.
 */
public record InstanceType(
    String name,
    String family,
    String category,
    int generation,
    String size,
    int vcpu,
    long memoryMiB,
    String arch,
    String cpuManufacturer,
    Gpu gpu,
    Integer localNvmeGb,
    int networkBandwidthMbps,
    String hypervisor,
    int maxEnis,
    int ipv4PerEni,
    int maxPods,
    Double onDemandPrice) {

  public InstanceType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arch, "arch");
    gpu = gpu == null ? Gpu.NONE : gpu;
    if (vcpu <= 0) {
      throw new IllegalArgumentException(name + ": vcpu must be positive");
    }
    if (memoryMiB <= 0) {
      throw new IllegalArgumentException(name + ": memory must be positive");
    }
  }

  /** Burstable families (t2, t3, t4g ...) run on CPU credits. */
  public boolean burstable() {
    return "t".equals(category);
  }

  /** The well-known labels Karpenter puts on a node of this type (GPU labels only with GPUs). */
  public Map<String, String> labels() {
    Map<String, String> labels = new TreeMap<>();
    labels.put(WellKnownLabels.INSTANCE_TYPE, name);
    labels.put(WellKnownLabels.ARCH, arch);
    put(labels, WellKnownLabels.INSTANCE_CATEGORY, category);
    put(labels, WellKnownLabels.INSTANCE_FAMILY, family);
    labels.put(WellKnownLabels.INSTANCE_GENERATION, Integer.toString(generation));
    put(labels, WellKnownLabels.INSTANCE_SIZE, size);
    labels.put(WellKnownLabels.INSTANCE_CPU, Integer.toString(vcpu));
    put(labels, WellKnownLabels.INSTANCE_CPU_MANUFACTURER, cpuManufacturer);
    labels.put(WellKnownLabels.INSTANCE_MEMORY, Long.toString(memoryMiB));
    labels.put(WellKnownLabels.INSTANCE_NETWORK_BANDWIDTH, Integer.toString(networkBandwidthMbps));
    labels.put(WellKnownLabels.INSTANCE_HYPERVISOR, hypervisor == null ? "" : hypervisor);
    if (localNvmeGb != null && localNvmeGb > 0) {
      labels.put(WellKnownLabels.INSTANCE_LOCAL_NVME, Integer.toString(localNvmeGb));
    }
    if (gpu.count() > 0) {
      labels.put(WellKnownLabels.INSTANCE_GPU_COUNT, Integer.toString(gpu.count()));
      put(labels, WellKnownLabels.INSTANCE_GPU_NAME, gpu.name());
      put(labels, WellKnownLabels.INSTANCE_GPU_MANUFACTURER, gpu.manufacturer());
      labels.put(WellKnownLabels.INSTANCE_GPU_MEMORY, Long.toString(gpu.memoryMiB()));
    }
    return Collections.unmodifiableMap(labels);
  }

  private static void put(Map<String, String> labels, String key, String value) {
    if (value != null && !value.isEmpty()) {
      labels.put(key, value);
    }
  }
}
