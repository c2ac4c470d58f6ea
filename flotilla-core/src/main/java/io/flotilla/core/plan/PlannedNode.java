package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node in the plan: an existing node that receives pods, or a new node to launch from a pool.
 * {@code pricePerHour} is null for an existing node whose offering the catalog does not know.
 * {@code used} counts DaemonSet overhead, pods already bound and the planned pods.
 */
public record PlannedNode(
    String name,
    boolean existing,
    String nodePool,
    String instanceType,
    CapacityType capacityType,
    String zone,
    String arch,
    Double pricePerHour,
    List<PodId> pods,
    Map<String, String> labels,
    Resources allocatable,
    Resources used) {

  public PlannedNode {
    Objects.requireNonNull(name, "name");
    pods = List.copyOf(pods);
    labels = Map.copyOf(labels);
    if (!existing) {
      Objects.requireNonNull(nodePool, "a new node needs its pool");
      Objects.requireNonNull(pricePerHour, "a new node needs a price");
    }
  }
}
