package io.flotilla.kube.manifest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How to read manifests: the replica count to plan for HPA-scaled workloads, and the CPU
 * architectures each image reference is built for (for example from a registry's image index).
 */
public record ReadOptions(ReplicaPolicy replicasAt, Map<String, Set<String>> imageArchitectures) {

  public ReadOptions {
    replicasAt = replicasAt == null ? ReplicaPolicy.CURRENT : replicasAt;
    Map<String, Set<String>> copy = new HashMap<>();
    if (imageArchitectures != null) {
      imageArchitectures.forEach((image, archs) -> copy.put(image, Set.copyOf(archs)));
    }
    imageArchitectures = Map.copyOf(copy);
  }

  /** CURRENT replicas, no image architectures known. */
  public static ReadOptions defaults() {
    return new ReadOptions(ReplicaPolicy.CURRENT, Map.of());
  }

  public ReadOptions withReplicasAt(ReplicaPolicy policy) {
    return new ReadOptions(policy, imageArchitectures);
  }
}
