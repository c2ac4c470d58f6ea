package io.flotilla.kube.manifest.workload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * A policy/v1 or policy/v1beta1 PodDisruptionBudget. Our own record: the fabric8 policy model is
 * not a dependency, and the three fields read are the same in both versions. The status is ignored:
 * it is what the disruption controller observed, not what the budget asks for.
 */
@JsonIgnoreProperties({"status"})
public record PodDisruptionBudgetDoc(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

  /**
   * The budget: how many covered pods must stay (or may go), and which pods it covers.
   * unhealthyPodEvictionPolicy is ignored: it only decides whether running but unready pods may be
   * evicted.
   */
  @JsonIgnoreProperties({"unhealthyPodEvictionPolicy"})
  public record Spec(
      IntOrString minAvailable, IntOrString maxUnavailable, LabelSelector selector) {}
}
