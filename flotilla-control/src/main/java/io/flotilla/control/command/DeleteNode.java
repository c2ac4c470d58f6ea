package io.flotilla.control.command;

import java.util.Objects;

/** Delete a drained node and terminate its instance. */
public record DeleteNode(String node, String reason) implements Command {
  public DeleteNode {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(reason, "reason");
  }
}
