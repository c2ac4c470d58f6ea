package io.flotilla.kube.manifest.karpenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What Karpenter's controller wrote into a node class's status (cluster dumps carry it): the
 * subnets it resolved, each with its zone. Written by a controller, not a user, so unknown fields
 * are no typos and pass silently.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeClassStatus(List<Subnet> subnets) {

  /** A resolved subnet. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Subnet(String id, String zone) {}
}
