package io.flotilla.control.command;

import java.util.Objects;

/**
 * Begin a voluntary disruption of a node (empty, expired, consolidated): cordon it and drain it
 * through the eviction rules until it can be deleted; its pods go pending and are provisioned.
 */
public record Disrupt(String node, String reason) implements Command {
  public Disrupt {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(reason, "reason");
  }
}
