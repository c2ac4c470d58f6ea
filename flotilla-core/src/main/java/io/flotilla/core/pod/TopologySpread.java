package io.flotilla.core.pod;

import java.util.Objects;

/** A topology spread constraint: pods matching the selector spread over the key's domains. */
public record TopologySpread(
    String topologyKey, int maxSkew, boolean hard, LabelSelector selector, Integer minDomains) {
  public TopologySpread {
    Objects.requireNonNull(topologyKey, "topologyKey");
    Objects.requireNonNull(selector, "selector");
    if (maxSkew < 1) {
      throw new IllegalArgumentException("maxSkew must be at least 1, got " + maxSkew);
    }
  }
}
