package io.flotilla.core.catalog;

import io.flotilla.core.label.WellKnownLabels;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An EC2 instance type with the facts scheduling and pricing need. {@code onDemandPrice} is USD per
 * hour, or null where no price is published. {@code cpuBaseline} is, for burstable types, the share
 * of its vCPUs it may use all the time without spending credits (null for other types).
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
    Double onDemandPrice,
    Devices devices,
    Double cpuBaseline) {

  public InstanceType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arch, "arch");
    gpu = gpu == null ? Gpu.NONE : gpu;
    devices = devices == null ? Devices.NONE : devices;
    if (cpuBaseline != null && !(cpuBaseline > 0 && cpuBaseline <= 1)) {
      throw new IllegalArgumentException(name + ": cpu baseline must be in (0, 1]");
    }
    if (vcpu <= 0) {
      throw new IllegalArgumentException(name + ": vcpu must be positive");
    }
    if (memoryMiB <= 0) {
      throw new IllegalArgumentException(name + ": memory must be positive");
    }
  }

  /** A type without accelerators or baseline data, as most tests need. */
  public InstanceType(
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
    this(
        name,
        family,
        category,
        generation,
        size,
        vcpu,
        memoryMiB,
        arch,
        cpuManufacturer,
        gpu,
        localNvmeGb,
        networkBandwidthMbps,
        hypervisor,
        maxEnis,
        ipv4PerEni,
        maxPods,
        onDemandPrice,
        Devices.NONE,
        null);
  }

  /** Burstable families (t2, t3, t4g ...) run on CPU credits. */
  public boolean burstable() {
    return "t".equals(category);
  }

  /** Bare-metal sizes ({@code metal}, {@code metal-24xl}, ...). */
  public boolean metal() {
    return size != null && size.contains("metal");
  }

  /**
   * Karpenter's "exotic" types: bare metal, GPUs, and Neuron, AMD GPU or Gaudi accelerators. Its
   * AWS provider launches them for a node only when no other type fits the node's pods.
   */
  public boolean exotic() {
    return metal() || gpu.count() > 0 || devices.accelerated();
  }

  /**
   * The CPU, in millicores, the type sustains without spending credits (all of it if not
   * burstable).
   */
  public long sustainedCpuMillis() {
    return cpuBaseline == null ? vcpu * 1000L : (long) Math.floor(vcpu * 1000L * cpuBaseline);
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
    if (devices.acceleratorName() != null) {
      labels.put(WellKnownLabels.INSTANCE_ACCELERATOR_NAME, devices.acceleratorName());
      put(
          labels,
          WellKnownLabels.INSTANCE_ACCELERATOR_MANUFACTURER,
          devices.acceleratorManufacturer());
      labels.put(
          WellKnownLabels.INSTANCE_ACCELERATOR_COUNT, Integer.toString(devices.acceleratorCount()));
    }
    return Collections.unmodifiableMap(labels);
  }

  private static void put(Map<String, String> labels, String key, String value) {
    if (value != null && !value.isEmpty()) {
      labels.put(key, value);
    }
  }
}
