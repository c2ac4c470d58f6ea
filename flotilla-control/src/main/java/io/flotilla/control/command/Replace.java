package io.flotilla.control.command;

import io.flotilla.core.pod.PodId;
import java.util.List;
import java.util.Objects;

/**
 * Provision capacity for the pods of a node that is going away, at once and before they are
 * evicted, so their replacements do not wait for a node to launch after the eviction.
 */
public record Replace(String node, List<PodId> pods) implements Command {
  public Replace {
    Objects.requireNonNull(node, "node");
    pods = List.copyOf(pods);
  }
}
