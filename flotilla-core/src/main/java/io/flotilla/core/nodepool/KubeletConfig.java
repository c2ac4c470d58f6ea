package io.flotilla.core.nodepool;

import io.flotilla.core.resource.Resources;
import java.util.Map;

/**
 * The kubelet settings a node pool may override. Nulls mean the AMI's defaults. Eviction thresholds
 * keep their API form ("100Mi" or "10%") because percentages depend on the node.
 */
public record KubeletConfig(
    Integer maxPods,
    Integer podsPerCore,
    Resources systemReserved,
    Resources kubeReserved,
    Map<String, String> evictionHard,
    Map<String, String> evictionSoft) {

  public static final KubeletConfig DEFAULT =
      new KubeletConfig(null, null, Resources.NONE, Resources.NONE, Map.of(), Map.of());

  public KubeletConfig {
    systemReserved = systemReserved == null ? Resources.NONE : systemReserved;
    kubeReserved = kubeReserved == null ? Resources.NONE : kubeReserved;
    evictionHard = Map.copyOf(evictionHard == null ? Map.of() : evictionHard);
    evictionSoft = Map.copyOf(evictionSoft == null ? Map.of() : evictionSoft);
    if (maxPods != null && maxPods < 1) {
      throw new IllegalArgumentException("maxPods must be at least 1, got " + maxPods);
    }
    if (podsPerCore != null && podsPerCore < 0) {
      throw new IllegalArgumentException("podsPerCore must not be negative, got " + podsPerCore);
    }
  }
}
