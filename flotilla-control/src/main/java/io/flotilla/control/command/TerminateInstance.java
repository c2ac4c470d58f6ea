package io.flotilla.control.command;

import java.util.Objects;

/**
 * Terminate a cloud instance that no NodeClaim owns (garbage collection): no node of the cluster
 * stands for it, so there is nothing to drain.
 */
public record TerminateInstance(String instanceId, String reason) implements Command {
  public TerminateInstance {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(reason, "reason");
  }
}
