package io.flotilla.ports.checkpoint;

import java.time.Instant;
import java.util.Objects;

/**
 * A notice that a node will go away.
 *
 * @param nodeName the Kubernetes node the notice is for
 * @param kind what the cloud announced
 * @param nodeGoneAt the instant the node is expected to disappear (for a Spot interruption, two
 *     minutes after the notice)
 */
public record InterruptionWarning(String nodeName, InterruptionKind kind, Instant nodeGoneAt) {

  public InterruptionWarning {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(nodeGoneAt, "nodeGoneAt");
    if (nodeName.isBlank()) {
      throw new IllegalArgumentException("nodeName must not be blank");
    }
  }
}
