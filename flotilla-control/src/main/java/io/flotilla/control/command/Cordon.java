package io.flotilla.control.command;

import java.util.Objects;

/** Mark a node unschedulable, so no new pod lands on it. */
public record Cordon(String node) implements Command {
  public Cordon {
    Objects.requireNonNull(node, "node");
  }
}
