package io.flotilla.core.resource;

/** The resource names the scheduler and Karpenter know. Any other name is an extended resource. */
public final class ResourceNames {
  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  public static final String PODS = "pods";
  public static final String NVIDIA_GPU = "nvidia.com/gpu";
  public static final String AMD_GPU = "amd.com/gpu";
  public static final String AWS_NEURON = "aws.amazon.com/neuron";
  public static final String AWS_NEURON_CORE = "aws.amazon.com/neuroncore";
  public static final String HABANA_GAUDI = "habana.ai/gaudi";
  public static final String EFA = "vpc.amazonaws.com/efa";
  public static final String POD_ENI = "vpc.amazonaws.com/pod-eni";

  private ResourceNames() {}

  /** Memory-like resources are measured in bytes and printed with binary suffixes. */
  public static boolean isByteSized(String name) {
    return name.equals(MEMORY)
        || name.equals(EPHEMERAL_STORAGE)
        || name.startsWith("hugepages-")
        || name.equals("storage");
  }
}
