package io.flotilla.core.nodepool;

import java.util.List;

/**
 * What a pool's node class (AWSNodeTemplate or EC2NodeClass) says that affects capacity, placement
 * and price: the AMI family (and so the OS), the size of the volume that backs ephemeral storage,
 * whether local NVMe is striped for it, the zones of its subnets (empty: not known, every zone) and
 * the EBS volumes every node carries (null: the AMI family's default root volume).
 */
public record NodeClass(
    String name,
    String amiFamily,
    Long ephemeralVolumeBytes,
    boolean instanceStoreRaid0,
    List<String> subnetZones,
    Long ebsBytes) {

  public static final long DEFAULT_VOLUME_BYTES = 20L << 30;

  public NodeClass {
    subnetZones = List.copyOf(subnetZones == null ? List.of() : subnetZones);
    if (ebsBytes != null && ebsBytes < 0) {
      throw new IllegalArgumentException("EBS volume size must not be negative");
    }
  }

  /** A node class with default subnets and volumes. */
  public NodeClass(
      String name, String amiFamily, Long ephemeralVolumeBytes, boolean instanceStoreRaid0) {
    this(name, amiFamily, ephemeralVolumeBytes, instanceStoreRaid0, List.of(), null);
  }

  /** A node class reference that is not defined in the input: AMI defaults. */
  public static NodeClass defaults(String name) {
    return new NodeClass(name, "AL2023", null, false);
  }

  public String os() {
    return amiFamily != null && amiFamily.toLowerCase().startsWith("windows") ? "windows" : "linux";
  }

  public long volumeBytes() {
    return ephemeralVolumeBytes == null ? DEFAULT_VOLUME_BYTES : ephemeralVolumeBytes;
  }

  /** The EBS storage each node pays for: the volumes given, else the ephemeral volume. */
  public long billedEbsBytes() {
    return ebsBytes != null ? ebsBytes : volumeBytes();
  }

  /** Whether the node class allows launching in this zone. */
  public boolean allowsZone(String zone) {
    return subnetZones.isEmpty() || subnetZones.contains(zone);
  }
}
