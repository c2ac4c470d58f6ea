package io.flotilla.kube.manifest.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;

/**
 * A karpenter.sh NodePool, v1 or v1beta1 (same shape; v1beta1 keeps kubelet on the template and
 * expireAfter under disruption).
 */
public record NodePoolDoc(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, JsonNode status) {

  /** The NodePool spec; {@code replicas} marks a static pool. */
  public record Spec(
      Template template,
      Disruption disruption,
      Map<String, JsonNode> limits,
      Integer weight,
      Integer replicas) {}

  /** The template of the nodes the pool launches. */
  public record Template(TemplateMeta metadata, TemplateSpec spec) {}

  /** Labels and annotations of the launched nodes. */
  public record TemplateMeta(Map<String, String> labels, Map<String, String> annotations) {}

  /** The node template's spec. */
  public record TemplateSpec(
      List<RequirementSpec> requirements,
      NodeClassRef nodeClassRef,
      List<Taint> taints,
      List<Taint> startupTaints,
      String expireAfter,
      String terminationGracePeriod,
      KubeletSpec kubelet) {}

  /** The EC2NodeClass reference (v1 names the group, v1beta1 the apiVersion). */
  public record NodeClassRef(String group, String kind, String name, String apiVersion) {}

  /** When nodes may be disrupted. */
  public record Disruption(
      String consolidationPolicy,
      String consolidateAfter,
      String expireAfter,
      List<Budget> budgets) {}

  /** A disruption budget. */
  public record Budget(String nodes, String schedule, String duration, List<String> reasons) {}
}
