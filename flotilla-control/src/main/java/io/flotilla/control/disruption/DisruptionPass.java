package io.flotilla.control.disruption;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.LaunchNodeClaim;
import java.util.List;

/**
 * What one voluntary-disruption pass decided: commands for the executor (disrupt, delete), the
 * replacements to launch through the provisioning path, NodeClaims of abandoned moves whose
 * throttled launches must not be retried, and the decisions made, for observers.
 */
public record DisruptionPass(
    List<Command> commands,
    List<LaunchNodeClaim> launches,
    List<String> cancelledClaims,
    List<DisruptionDecision> decisions) {
  public DisruptionPass {
    commands = List.copyOf(commands);
    launches = List.copyOf(launches);
    cancelledClaims = List.copyOf(cancelledClaims);
    decisions = List.copyOf(decisions);
  }
}
