package io.flotilla.kube.manifest.karpenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;

/** A karpenter.sh/v1alpha5 Provisioner, as far as planning needs it. */
public record ProvisionerDoc(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, JsonNode status) {

  /** The Provisioner spec; {@code provider} is an inline AWSNodeTemplate spec. */
  @JsonIgnoreProperties({"annotations"})
  public record Spec(
      List<RequirementSpec> requirements,
      Map<String, String> labels,
      List<Taint> taints,
      List<Taint> startupTaints,
      Limits limits,
      Integer weight,
      Consolidation consolidation,
      Long ttlSecondsAfterEmpty,
      Long ttlSecondsUntilExpired,
      KubeletSpec kubeletConfiguration,
      ProviderRef providerRef,
      AwsNodeTemplateDoc.Spec provider) {}

  /** limits.resources. */
  public record Limits(Map<String, JsonNode> resources) {}

  /** consolidation.enabled. */
  public record Consolidation(Boolean enabled) {}

  /** The AWSNodeTemplate a Provisioner uses. */
  public record ProviderRef(String name, String kind, String apiVersion) {}
}
