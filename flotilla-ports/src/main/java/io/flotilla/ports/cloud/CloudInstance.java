package io.flotilla.ports.cloud;

import java.time.Instant;
import java.util.Objects;

/** A running instance as the cloud lists it, tagged with the NodeClaim it was launched for. */
public record CloudInstance(String id, OfferingKey offering, String nodeClaim, Instant launchedAt) {
  public CloudInstance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(offering, "offering");
    Objects.requireNonNull(nodeClaim, "nodeClaim");
    Objects.requireNonNull(launchedAt, "launchedAt");
  }
}
