package io.flotilla.kube.manifest.node;

import io.flotilla.core.node.Node;
import io.flotilla.core.resource.Resources;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.ObjectNames;
import io.flotilla.kube.manifest.values.Quantities;
import io.flotilla.kube.manifest.values.TaintParser;
import java.util.Map;
import java.util.TreeMap;

/**
 * An existing Node: labels, taints, cordon state, capacity and allocatable (allocatable missing:
 * the capacity; both missing: an error, there is nothing to plan with).
 */
public final class NodeConverter {
  private static final FieldPath STATUS = FieldPath.of("status");

  private NodeConverter() {}

  public static Node convert(io.fabric8.kubernetes.api.model.Node node) {
    String name = ObjectNames.name(node.getMetadata());
    Map<String, String> labels = new TreeMap<>();
    if (node.getMetadata().getLabels() != null) {
      node.getMetadata().getLabels().forEach((k, v) -> labels.put(k, v == null ? "" : v));
    }
    var spec = node.getSpec();
    var taints =
        TaintParser.parseAll(
            FieldPath.of("spec", "taints"), spec == null ? null : spec.getTaints());
    boolean unschedulable = spec != null && Boolean.TRUE.equals(spec.getUnschedulable());
    var status = node.getStatus();
    Resources capacity =
        status == null
            ? Resources.NONE
            : Quantities.fromFabric8(STATUS.child("capacity"), status.getCapacity());
    Resources allocatable =
        status == null
            ? Resources.NONE
            : Quantities.fromFabric8(STATUS.child("allocatable"), status.getAllocatable());
    if (capacity.isEmpty() && allocatable.isEmpty()) {
      throw new FieldError(STATUS, "a node needs status.capacity or status.allocatable");
    }
    return new Node(
        name,
        labels,
        taints,
        capacity,
        allocatable.isEmpty() ? capacity : allocatable,
        unschedulable);
  }
}
