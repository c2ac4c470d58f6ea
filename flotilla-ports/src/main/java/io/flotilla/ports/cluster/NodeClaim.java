package io.flotilla.ports.cluster;

import io.flotilla.core.node.Node;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import io.flotilla.ports.cloud.OfferingKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request for one node of a NodePool as one offering, as Karpenter's NodeClaim resource holds it:
 * created when the instance is launched, registered when its node joins the cluster (the node has
 * the claim's name). Its labels and allocatable resources are what the node will have, so in-flight
 * capacity counts before the node is ready.
 */
public record NodeClaim(
    String name,
    String pool,
    OfferingKey offering,
    String instanceId,
    Map<String, String> labels,
    Resources allocatable,
    Instant createdAt) {
  public NodeClaim {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(offering, "offering");
    Objects.requireNonNull(instanceId, "instanceId");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(allocatable, "allocatable");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The node the claim becomes: its name, labels and room, with its pool's taints. */
  public Node asNode(List<Taint> taints) {
    return new Node(name, labels, taints, allocatable, allocatable, false);
  }
}
