package io.flotilla.core.nodepool;

/**
 * What a pool's node class (AWSNodeTemplate or EC2NodeClass) says that affects capacity: the AMI
 * family (and so the OS), the size of the volume that backs ephemeral storage, and whether local
 * NVMe is striped for it.
 */
public record NodeClass(
    String name, String amiFamily, Long ephemeralVolumeBytes, boolean instanceStoreRaid0) {

  public static final long DEFAULT_VOLUME_BYTES = 20L << 30;

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
}
