package io.flotilla.core.catalog;

import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.Objects;

/**
 * What an instance type carries besides CPUs, memory and GPUs: a non-GPU accelerator (Inferentia,
 * Trainium, ...; name null when none) and the extended resources its device plugins advertise
 * (Neuron devices and cores, AMD GPUs, EFA interfaces, pod ENIs).
 */
public record Devices(
    String acceleratorName,
    String acceleratorManufacturer,
    int acceleratorCount,
    Resources extended) {
  public static final Devices NONE = new Devices(null, null, 0, Resources.NONE);

  public Devices {
    Objects.requireNonNull(extended, "extended");
    if (acceleratorCount < 0) {
      throw new IllegalArgumentException("accelerator count must not be negative");
    }
  }

  /** Devices that make a type "exotic" in Karpenter's sense (Neuron, AMD GPUs, Gaudi). */
  public boolean accelerated() {
    return extended.get(ResourceNames.AWS_NEURON) > 0
        || extended.get(ResourceNames.AWS_NEURON_CORE) > 0
        || extended.get(ResourceNames.AMD_GPU) > 0
        || extended.get(ResourceNames.HABANA_GAUDI) > 0;
  }
}
