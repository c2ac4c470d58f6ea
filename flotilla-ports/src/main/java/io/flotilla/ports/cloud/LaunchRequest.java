package io.flotilla.ports.cloud;

import java.util.Objects;

/** Launch one instance of one offering for a NodeClaim (its name tags the instance). */
public record LaunchRequest(String nodeClaim, OfferingKey offering) {
  public LaunchRequest {
    Objects.requireNonNull(nodeClaim, "nodeClaim");
    Objects.requireNonNull(offering, "offering");
  }
}
