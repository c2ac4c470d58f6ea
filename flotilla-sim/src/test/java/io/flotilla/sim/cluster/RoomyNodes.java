package io.flotilla.sim.cluster;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.resource.Resources;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A node that joins a test cluster at once, with room for anything the tests put on it. */
final class RoomyNodes {
  private RoomyNodes() {}

  /** Claims and registers node {@code name} at {@code at}; returns the name. */
  static String join(SimulatedCluster c, String name, Instant at) {
    c.createNodeClaim(
        new NodeClaim(
            name,
            "general",
            new OfferingKey("m6g.large", "us-east-1a", CapacityType.SPOT),
            "i-" + name,
            Map.of("kubernetes.io/hostname", name),
            Resources.parse(Map.of("cpu", "64", "memory", "256Gi", "pods", "110")),
            at));
    c.register(name, List.of());
    return name;
  }
}
