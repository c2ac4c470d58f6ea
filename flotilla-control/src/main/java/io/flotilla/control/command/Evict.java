package io.flotilla.control.command;

import io.flotilla.core.pod.PodId;
import java.util.List;
import java.util.Objects;

/**
 * Evict these pods from {@code node} through the eviction API: each within its disruption budget
 * (the loop only lists pods the budgets allow now), each given its termination grace period.
 */
public record Evict(String node, List<PodId> pods) implements Command {
  public Evict {
    Objects.requireNonNull(node, "node");
    pods = List.copyOf(pods);
  }
}
