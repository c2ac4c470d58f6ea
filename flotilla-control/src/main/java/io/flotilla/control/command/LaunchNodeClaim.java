package io.flotilla.control.command;

import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import io.flotilla.ports.cloud.OfferingKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command: launch a NodeClaim of {@code pool} as {@code offering}, for the pods nominated to it.
 * Its labels and allocatable resources let the cluster count it as in-flight capacity until it is
 * ready, so the next decision neither plans its pods again nor ignores its spare room.
 */
public record LaunchNodeClaim(
    String name,
    String pool,
    OfferingKey offering,
    List<PodId> pods,
    Map<String, String> labels,
    Resources allocatable)
    implements Command {
  public LaunchNodeClaim {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(offering, "offering");
    pods = List.copyOf(pods);
    labels = Map.copyOf(labels);
    Objects.requireNonNull(allocatable, "allocatable");
  }
}
