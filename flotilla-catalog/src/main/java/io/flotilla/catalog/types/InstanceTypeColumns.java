package io.flotilla.catalog.types;

import java.util.List;

/** The columns of ec2-instance-types.csv. */
public final class InstanceTypeColumns {
  public static final String FILE = "ec2-instance-types.csv";
  public static final String NAME = "instance_type";
  public static final String FAMILY = "family";
  public static final String CATEGORY = "category";
  public static final String GENERATION = "generation";
  public static final String SIZE = "size";
  public static final String VCPU = "vcpu";
  public static final String MEMORY_MIB = "memory_mib";
  public static final String ARCH = "arch";
  public static final String CPU_MANUFACTURER = "cpu_manufacturer";
  public static final String GPU_COUNT = "gpu_count";
  public static final String GPU_NAME = "gpu_name";
  public static final String GPU_MANUFACTURER = "gpu_manufacturer";
  public static final String GPU_MEMORY_MIB = "gpu_memory_mib";
  public static final String LOCAL_NVME_GB = "local_nvme_gb";
  public static final String NETWORK_BANDWIDTH_MBPS = "network_bandwidth_mbps";
  public static final String HYPERVISOR = "hypervisor";
  public static final String MAX_ENIS = "max_enis";
  public static final String IPV4_PER_ENI = "ipv4_per_eni";
  public static final String MAX_PODS = "max_pods";
  public static final String ALLOCATABLE_CPU_M = "karpenter_allocatable_cpu_m";
  public static final String ALLOCATABLE_MEMORY_MIB = "karpenter_allocatable_memory_mib";
  public static final String OD_PRICE = "od_price_usd_hour_us_east_1";

  /** Every column, in file order. */
  public static final List<String> ALL =
      List.of(
          NAME,
          FAMILY,
          CATEGORY,
          GENERATION,
          SIZE,
          VCPU,
          MEMORY_MIB,
          ARCH,
          CPU_MANUFACTURER,
          GPU_COUNT,
          GPU_NAME,
          GPU_MANUFACTURER,
          GPU_MEMORY_MIB,
          LOCAL_NVME_GB,
          NETWORK_BANDWIDTH_MBPS,
          HYPERVISOR,
          MAX_ENIS,
          IPV4_PER_ENI,
          MAX_PODS,
          ALLOCATABLE_CPU_M,
          ALLOCATABLE_MEMORY_MIB,
          OD_PRICE);

  private InstanceTypeColumns() {}
}
