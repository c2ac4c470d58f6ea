package io.flotilla.kube.manifest.karpenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/** A karpenter.k8s.aws EC2NodeClass, v1 or v1beta1. */
public record Ec2NodeClassDoc(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, NodeClassStatus status) {

  /** The fields that matter for capacity; the ignored ones do not. */
  @JsonIgnoreProperties({
    "associatePublicIPAddress",
    "capacityReservationSelectorTerms",
    "context",
    "detailedMonitoring",
    "instanceProfile",
    "ipPrefixCount",
    "metadataOptions",
    "placementGroupSelector",
    "role",
    "securityGroupSelectorTerms",
    "subnetSelectorTerms",
    "tags",
    "userData"
  })
  public record Spec(
      String amiFamily,
      List<AmiSelectorTerm> amiSelectorTerms,
      List<BlockDeviceMapping> blockDeviceMappings,
      String instanceStorePolicy,
      KubeletSpec kubelet) {}

  /** An AMI selector term; only the alias names a family. */
  @JsonIgnoreProperties({"id", "name", "owner", "tags", "ssmParameter"})
  public record AmiSelectorTerm(String alias) {}
}
