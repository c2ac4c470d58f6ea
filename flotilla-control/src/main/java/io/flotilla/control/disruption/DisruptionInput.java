package io.flotilla.control.disruption;

import io.flotilla.core.plan.PlanRequest;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a voluntary-disruption pass reads: the nodes that joined, as {@link FleetNode}s; the cluster
 * as the planner sees it (pods bound or nominated, reserved room for moved pods, in-flight
 * NodeClaims as nodes); every NodeClaim; and when pods or nodes last changed.
 */
public record DisruptionInput(
    List<FleetNode> fleet, PlanRequest cluster, List<NodeClaim> claims, Instant clusterChangedAt) {
  public DisruptionInput {
    fleet = List.copyOf(fleet);
    Objects.requireNonNull(cluster, "cluster");
    claims = List.copyOf(claims);
    Objects.requireNonNull(clusterChangedAt, "clusterChangedAt");
  }
}
