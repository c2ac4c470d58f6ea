package io.flotilla.kube.manifest.karpenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/** A karpenter.k8s.aws/v1alpha1 AWSNodeTemplate (also the inline v1alpha5 {@code provider}). */
public record AwsNodeTemplateDoc(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, NodeClassStatus status) {

  /** The fields that matter for capacity; the ignored ones do not. */
  @JsonIgnoreProperties({
    "apiVersion",
    "kind",
    "amiSelector",
    "context",
    "detailedMonitoring",
    "instanceProfile",
    "launchTemplate",
    "launchTemplateName",
    "metadataOptions",
    "securityGroupSelector",
    "subnetSelector",
    "tags",
    "userData"
  })
  public record Spec(String amiFamily, List<BlockDeviceMapping> blockDeviceMappings) {}
}
