package io.flotilla.core.testing.check;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.pod.Pod;
import java.util.List;

/**
 * Karpenter's AWS provider calls bare-metal, GPU and accelerator types "exotic" and launches them
 * only when no other type fits the node's pods.
 */
final class Exotic {
  /** Device resources a pod asks for when it wants an exotic type. */
  static final List<String> DEVICES =
      List.of(
          "nvidia.com/gpu",
          "amd.com/gpu",
          "aws.amazon.com/neuron",
          "aws.amazon.com/neuroncore",
          "habana.ai/gaudi");

  private Exotic() {}

  static boolean isExotic(InstanceType t) {
    if (t.size() != null && t.size().contains("metal")) {
      return true;
    }
    if (t.gpu().count() > 0) {
      return true;
    }
    return DEVICES.stream().anyMatch(d -> t.devices().extended().get(d) > 0);
  }

  static boolean wantsDevices(Pod p) {
    return DEVICES.stream().anyMatch(d -> p.requests().get(d) > 0);
  }
}
