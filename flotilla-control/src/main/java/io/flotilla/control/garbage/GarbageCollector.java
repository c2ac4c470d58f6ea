package io.flotilla.control.garbage;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.TerminateInstance;
import io.flotilla.control.disruption.DisruptionDecision;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Karpenter's two garbage collectors: an instance no NodeClaim owns (its launch outlived the
 * controller that made it, or its claim was deleted without it) is terminated once older than the
 * instance grace; a NodeClaim whose instance the cloud no longer lists (terminated behind the
 * cluster's back) is deleted with its node once older than the claim grace.
 */
public final class GarbageCollector {
  private final GarbageCollection settings;

  public GarbageCollector(GarbageCollection settings) {
    this.settings = settings;
  }

  public List<Command> collect(List<CloudInstance> instances, List<NodeClaim> claims, Instant now) {
    Set<String> owned = new HashSet<>();
    claims.forEach(c -> owned.add(c.instanceId()));
    Set<String> running = new HashSet<>();
    List<Command> commands = new ArrayList<>();
    for (CloudInstance i : instances) {
      running.add(i.id());
      if (!owned.contains(i.id()) && !now.isBefore(i.launchedAt().plus(settings.instanceGrace()))) {
        commands.add(new TerminateInstance(i.id(), DisruptionDecision.ORPHAN_INSTANCE));
      }
    }
    for (NodeClaim c : claims) {
      if (!running.contains(c.instanceId())
          && !now.isBefore(c.createdAt().plus(settings.claimGrace()))) {
        commands.add(new DeleteNode(c.name(), DisruptionDecision.INSTANCE_GONE));
      }
    }
    return commands;
  }
}
