package io.flotilla.catalog.types;

import io.flotilla.core.catalog.Devices;
import io.flotilla.core.catalog.InstanceType;

/** Completes a type read from ec2-instance-types.csv with what the other files say of it. */
public final class TypeDetails {
  private TypeDetails() {}

  /**
   * The type with its devices and CPU baseline.
   *
   * @param cpuBaseline the burstable baseline as a fraction of the vCPUs, or null
   */
  public static InstanceType with(InstanceType t, Devices devices, Double cpuBaseline) {
    return new InstanceType(
        t.name(),
        t.family(),
        t.category(),
        t.generation(),
        t.size(),
        t.vcpu(),
        t.memoryMiB(),
        t.arch(),
        t.cpuManufacturer(),
        t.gpu(),
        t.localNvmeGb(),
        t.networkBandwidthMbps(),
        t.hypervisor(),
        t.maxEnis(),
        t.ipv4PerEni(),
        t.maxPods(),
        t.onDemandPrice(),
        devices,
        cpuBaseline);
  }
}
