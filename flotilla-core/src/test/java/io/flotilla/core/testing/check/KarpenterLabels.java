package io.flotilla.core.testing.check;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.nodepool.NodePool;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The labels Karpenter's AWS provider puts on a node, derived again from the instance type's facts:
 * instance type, architecture and the {@code karpenter.k8s.aws/instance-*} labels (GPU and
 * accelerator labels only on types that have them, so DoesNotExist selects the others), and the
 * label naming the pool in the pool's API.
 */
public final class KarpenterLabels {
  public static final String ARCH = "kubernetes.io/arch";
  public static final String OS = "kubernetes.io/os";
  public static final String HOSTNAME = "kubernetes.io/hostname";
  public static final String INSTANCE_TYPE = "node.kubernetes.io/instance-type";
  public static final String ZONE = "topology.kubernetes.io/zone";
  public static final String REGION = "topology.kubernetes.io/region";
  public static final String CAPACITY_TYPE = "karpenter.sh/capacity-type";
  private static final String AWS = "karpenter.k8s.aws/instance-";

  /** Labels that name the pool or node group a node belongs to. */
  public static final Set<String> POOL_KEYS =
      Set.of(
          "karpenter.sh/nodepool",
          "karpenter.sh/provisioner-name",
          "alpha.eksctl.io/nodegroup-name",
          "eks.amazonaws.com/nodegroup");

  /** Instance labels whose presence itself selects types, checked both ways on new nodes. */
  static final Set<String> PRESENCE_KEYS =
      Set.of(
          AWS + "gpu-count",
          AWS + "gpu-name",
          AWS + "gpu-manufacturer",
          AWS + "gpu-memory",
          AWS + "accelerator-name",
          AWS + "accelerator-manufacturer",
          AWS + "accelerator-count",
          AWS + "local-nvme");

  private KarpenterLabels() {}

  public static Map<String, String> ofType(InstanceType t) {
    Map<String, String> l = new TreeMap<>();
    l.put(INSTANCE_TYPE, t.name());
    l.put(ARCH, t.arch());
    put(l, AWS + "category", t.category());
    put(l, AWS + "family", t.family());
    put(l, AWS + "generation", Integer.toString(t.generation()));
    put(l, AWS + "size", t.size());
    put(l, AWS + "cpu", Integer.toString(t.vcpu()));
    put(l, AWS + "cpu-manufacturer", t.cpuManufacturer());
    put(l, AWS + "memory", Long.toString(t.memoryMiB()));
    put(l, AWS + "network-bandwidth", Integer.toString(t.networkBandwidthMbps()));
    put(l, AWS + "hypervisor", t.hypervisor());
    if (t.localNvmeGb() != null && t.localNvmeGb() > 0) {
      put(l, AWS + "local-nvme", Integer.toString(t.localNvmeGb()));
    }
    if (t.gpu().count() > 0) {
      put(l, AWS + "gpu-count", Integer.toString(t.gpu().count()));
      put(l, AWS + "gpu-name", t.gpu().name());
      put(l, AWS + "gpu-manufacturer", t.gpu().manufacturer());
      put(l, AWS + "gpu-memory", Long.toString(t.gpu().memoryMiB()));
    }
    if (t.devices().acceleratorName() != null) {
      put(l, AWS + "accelerator-name", t.devices().acceleratorName());
      put(l, AWS + "accelerator-manufacturer", t.devices().acceleratorManufacturer());
      put(l, AWS + "accelerator-count", Integer.toString(t.devices().acceleratorCount()));
    }
    return l;
  }

  /** The label key naming the pool on its nodes. */
  public static String poolKey(NodePool pool) {
    return switch (pool.api()) {
      case V1 -> "karpenter.sh/nodepool";
      case V1ALPHA5 -> "karpenter.sh/provisioner-name";
      case NODE_GROUP -> "alpha.eksctl.io/nodegroup-name";
    };
  }

  /** Is this an instance label the cloud decides (so a node without it simply lacks it)? */
  public static boolean cloudDecided(String key) {
    return key.startsWith(AWS)
        || key.equals(INSTANCE_TYPE)
        || key.equals(ARCH)
        || key.equals(ZONE)
        || key.equals(REGION)
        || key.equals(CAPACITY_TYPE)
        || key.equals(OS)
        || key.equals(HOSTNAME)
        || POOL_KEYS.contains(key);
  }

  private static void put(Map<String, String> l, String key, String value) {
    if (value != null && !value.isEmpty()) {
      l.put(key, value);
    }
  }
}
