package io.flotilla.kube.manifest.karpenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One block device of a node class; only the size of the volume backing the kubelet matters. */
public record BlockDeviceMapping(String deviceName, Boolean rootVolume, Ebs ebs) {

  /** The EBS settings; the ignored ones do not change capacity. */
  @JsonIgnoreProperties({
    "deleteOnTermination",
    "encrypted",
    "iops",
    "kmsKeyID",
    "snapshotID",
    "throughput",
    "volumeInitializationRate",
    "volumeType"
  })
  public record Ebs(String volumeSize) {}
}
