package io.flotilla.sim.world;

import io.flotilla.core.node.Node;
import io.flotilla.ports.cloud.OfferingKey;
import java.util.Objects;

/**
 * A node the cluster already has when the simulation starts (from a cluster dump), as the offering
 * it runs as. {@code pool} is the NodePool that manages it, or {@link #UNMANAGED} for a node of no
 * configured pool (a managed node group, a pool left out): voluntary disruption leaves those alone,
 * while the cloud still bills them and may reclaim them if they are Spot.
 */
public record ExistingNode(Node node, String pool, OfferingKey offering) {
  /** The pool name of nodes no configured pool manages (not a valid Kubernetes name). */
  public static final String UNMANAGED = "<unmanaged>";

  public ExistingNode {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(offering, "offering");
  }
}
