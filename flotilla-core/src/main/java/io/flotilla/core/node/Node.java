package io.flotilla.core.node;

import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An existing node as the cluster reports it. Unschedulable (cordoned) nodes take no pods. */
public record Node(
    String name,
    Map<String, String> labels,
    List<Taint> taints,
    Resources capacity,
    Resources allocatable,
    boolean unschedulable) {

  public Node {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
    capacity = capacity == null ? Resources.NONE : capacity;
    Objects.requireNonNull(allocatable, "allocatable");
  }
}
