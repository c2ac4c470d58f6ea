package io.flotilla.core.pod;

import java.util.Objects;

/**
 * A DaemonSet: its pod template runs on every node whose labels and taints admit it, so it is
 * overhead each such node must carry before any other pod.
 */
public record DaemonSet(String namespace, String name, Pod template) {
  public DaemonSet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(template, "template");
  }
}
