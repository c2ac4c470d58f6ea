package io.flotilla.core.label;

/** Node label keys users write requirements on (Kubernetes, Karpenter, EKS). */
public final class WellKnownLabels {
  public static final String ARCH = "kubernetes.io/arch";
  public static final String OS = "kubernetes.io/os";
  public static final String HOSTNAME = "kubernetes.io/hostname";
  public static final String INSTANCE_TYPE = "node.kubernetes.io/instance-type";
  public static final String ZONE = "topology.kubernetes.io/zone";
  public static final String REGION = "topology.kubernetes.io/region";
  public static final String CAPACITY_TYPE = "karpenter.sh/capacity-type";
  public static final String NODE_POOL = "karpenter.sh/nodepool";
  public static final String PROVISIONER_NAME = "karpenter.sh/provisioner-name";
  public static final String EKS_CAPACITY_TYPE = "eks.amazonaws.com/capacityType";
  public static final String INSTANCE_CATEGORY = "karpenter.k8s.aws/instance-category";
  public static final String INSTANCE_FAMILY = "karpenter.k8s.aws/instance-family";
  public static final String INSTANCE_GENERATION = "karpenter.k8s.aws/instance-generation";
  public static final String INSTANCE_SIZE = "karpenter.k8s.aws/instance-size";
  public static final String INSTANCE_CPU = "karpenter.k8s.aws/instance-cpu";
  public static final String INSTANCE_CPU_MANUFACTURER =
      "karpenter.k8s.aws/instance-cpu-manufacturer";
  public static final String INSTANCE_MEMORY = "karpenter.k8s.aws/instance-memory";
  public static final String INSTANCE_GPU_COUNT = "karpenter.k8s.aws/instance-gpu-count";
  public static final String INSTANCE_GPU_NAME = "karpenter.k8s.aws/instance-gpu-name";
  public static final String INSTANCE_GPU_MANUFACTURER =
      "karpenter.k8s.aws/instance-gpu-manufacturer";
  public static final String INSTANCE_GPU_MEMORY = "karpenter.k8s.aws/instance-gpu-memory";
  public static final String INSTANCE_LOCAL_NVME = "karpenter.k8s.aws/instance-local-nvme";
  public static final String INSTANCE_NETWORK_BANDWIDTH =
      "karpenter.k8s.aws/instance-network-bandwidth";
  public static final String INSTANCE_HYPERVISOR = "karpenter.k8s.aws/instance-hypervisor";
  public static final String INSTANCE_ACCELERATOR_NAME =
      "karpenter.k8s.aws/instance-accelerator-name";
  public static final String INSTANCE_ACCELERATOR_MANUFACTURER =
      "karpenter.k8s.aws/instance-accelerator-manufacturer";
  public static final String INSTANCE_ACCELERATOR_COUNT =
      "karpenter.k8s.aws/instance-accelerator-count";

  private static final java.util.Set<String> ALL =
      java.util.Set.of(
          ARCH,
          OS,
          HOSTNAME,
          INSTANCE_TYPE,
          ZONE,
          REGION,
          CAPACITY_TYPE,
          NODE_POOL,
          PROVISIONER_NAME,
          INSTANCE_CATEGORY,
          INSTANCE_FAMILY,
          INSTANCE_GENERATION,
          INSTANCE_SIZE,
          INSTANCE_CPU,
          INSTANCE_CPU_MANUFACTURER,
          INSTANCE_MEMORY,
          INSTANCE_GPU_COUNT,
          INSTANCE_GPU_NAME,
          INSTANCE_GPU_MANUFACTURER,
          INSTANCE_GPU_MEMORY,
          INSTANCE_LOCAL_NVME,
          INSTANCE_NETWORK_BANDWIDTH,
          INSTANCE_HYPERVISOR);

  private WellKnownLabels() {}

  /**
   * Keys whose value the cloud decides (instance facts, zone, capacity type): a node without the
   * label simply lacks it, so requirements on them are decided, never left open.
   */
  public static boolean isWellKnown(String key) {
    return ALL.contains(key) || key.startsWith("karpenter.k8s.aws/instance-");
  }
}
