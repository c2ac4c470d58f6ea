package io.flotilla.sim.world;

import java.util.Objects;

/**
 * A replica that runs on an existing node when the simulation starts: one pod of the workload whose
 * pods carry {@code owner} ({@code Kind/name}) in the namespace starts bound to {@code node}.
 */
public record RunningPod(String namespace, String owner, String node) {
  public RunningPod {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(node, "node");
  }
}
