package io.flotilla.core.nodepool;

import io.flotilla.core.label.Requirements;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pool of nodes the autoscaler may launch: Karpenter's v1 NodePool, or a v1alpha5 Provisioner
 * converted to the same shape, or a Cluster-Autoscaler-style node group. Higher weight is tried
 * first; {@code limits} caps the summed capacity of its nodes (empty: unlimited) and {@code
 * maxNodes} their number (null: unlimited; node groups have a maximum size).
 */
public record NodePool(
    String name,
    int weight,
    Requirements requirements,
    Map<String, String> labels,
    List<Taint> taints,
    List<Taint> startupTaints,
    Resources limits,
    Integer maxNodes,
    KubeletConfig kubelet,
    Disruption disruption,
    NodeClass nodeClass,
    Api api) {

  /** Which Karpenter API the pool was written in; it decides the pool label nodes carry. */
  public enum Api {
    V1ALPHA5,
    V1,
    NODE_GROUP
  }

  public NodePool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(requirements, "requirements");
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
    startupTaints = List.copyOf(startupTaints);
    limits = limits == null ? Resources.NONE : limits;
    kubelet = kubelet == null ? KubeletConfig.DEFAULT : kubelet;
    disruption = disruption == null ? Disruption.DEFAULT : disruption;
    nodeClass = nodeClass == null ? NodeClass.defaults("default") : nodeClass;
    Objects.requireNonNull(api, "api");
    if (maxNodes != null && maxNodes < 0) {
      throw new IllegalArgumentException("maxNodes must not be negative: " + maxNodes);
    }
  }

  /** The same pool with other requirements (a strategy narrowing what it may launch). */
  public NodePool withRequirements(Requirements newRequirements) {
    return new NodePool(
        name,
        weight,
        newRequirements,
        labels,
        taints,
        startupTaints,
        limits,
        maxNodes,
        kubelet,
        disruption,
        nodeClass,
        api);
  }

  public NodePool withWeight(int newWeight) {
    return new NodePool(
        name,
        newWeight,
        requirements,
        labels,
        taints,
        startupTaints,
        limits,
        maxNodes,
        kubelet,
        disruption,
        nodeClass,
        api);
  }
}
