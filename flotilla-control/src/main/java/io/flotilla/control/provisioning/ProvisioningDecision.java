package io.flotilla.control.provisioning;

import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.PodId;
import java.util.List;
import java.util.Map;

/**
 * What one provisioning pass decided: NodeClaims to launch (together, in this order), pending pods
 * nominated to nodes that already exist or are in flight, and pods no pool can take, with why.
 */
public record ProvisioningDecision(
    List<LaunchNodeClaim> launches,
    Map<PodId, String> nominations,
    List<Unschedulable> unschedulable) {
  public ProvisioningDecision {
    launches = List.copyOf(launches);
    nominations = Map.copyOf(nominations);
    unschedulable = List.copyOf(unschedulable);
  }

  static final ProvisioningDecision NOTHING =
      new ProvisioningDecision(List.of(), Map.of(), List.of());
}
