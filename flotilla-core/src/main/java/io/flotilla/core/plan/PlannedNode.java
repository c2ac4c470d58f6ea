package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node in the plan: an existing node that receives pods, or a new node to launch from a pool.
 * {@code used} counts DaemonSet overhead, pods already bound and the planned pods.
 */
public record PlannedNode(
    String name,
    boolean existing,
    String nodePool,
    NodeOffering offering,
    List<PodId> pods,
    Map<String, String> labels,
    Resources allocatable,
    Resources used) {

  public PlannedNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(offering, "offering");
    pods = List.copyOf(pods);
    labels = Map.copyOf(labels);
    if (!existing) {
      Objects.requireNonNull(nodePool, "a new node needs its pool");
      Objects.requireNonNull(offering.instancePerHour(), "a new node needs a price");
    }
  }

  public String instanceType() {
    return offering.instanceType();
  }

  public CapacityType capacityType() {
    return offering.capacityType();
  }

  public String zone() {
    return offering.zone();
  }

  public String arch() {
    return offering.arch();
  }

  /** Instance and volumes per hour; null for an existing node of unknown price. */
  public Double pricePerHour() {
    return offering.pricePerHour();
  }

  public PlannedNode withPods(List<PodId> newPods, Resources newUsed) {
    return new PlannedNode(
        name, existing, nodePool, offering, newPods, labels, allocatable, newUsed);
  }
}
