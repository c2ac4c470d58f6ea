package io.flotilla.core.workload;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NodePools generated mixes are planned against. Every pool is an unlimited karpenter.sh/v1
 * pool over the whole catalog unless said otherwise; the capacity types are spelled out, so no
 * default decides them. GPU types are kept for GPU pods by a tainted pool.
 */
public final class MixPools {
  /** The taint on the GPU pool's nodes. */
  public static final Taint GPU_TAINT = new Taint(ResourceNames.NVIDIA_GPU, "", Effect.NO_SCHEDULE);

  /** What GPU pods carry to land on the GPU pool. */
  public static final Toleration GPU_TOLERATION =
      new Toleration(ResourceNames.NVIDIA_GPU, true, null, Effect.NO_SCHEDULE);

  /** The share of a mix's requested CPU the weighted setting's Spot pool may hold. */
  public static final double SPOT_CPU_SHARE = 0.5;

  private static final long MILLIS_PER_CORE = 1000;

  private MixPools() {}

  /**
   * The standard setting: a general pool (weight 50) of every GPU-less type, Spot or on-demand, and
   * a GPU pool (weight 10) tainted {@code nvidia.com/gpu:NoSchedule}.
   */
  public static List<NodePool> standard() {
    return List.of(
        pool("general", 50, Operator.DOES_NOT_EXIST, Set.of("spot", "on-demand"), Resources.NONE),
        gpuPool());
  }

  /**
   * The weighted setting: a Spot-only pool of GPU-less types (weight 100) limited to {@code
   * spotCpuCores} vCPUs, an on-demand pool of GPU-less types below it (weight 50), and the GPU pool
   * (weight 10).
   */
  public static List<NodePool> weighted(long spotCpuCores) {
    if (spotCpuCores < 0) {
      throw new IllegalArgumentException("spot cpu limit must not be negative: " + spotCpuCores);
    }
    return List.of(
        pool(
            "spot",
            100,
            Operator.DOES_NOT_EXIST,
            Set.of("spot"),
            Resources.of(ResourceNames.CPU, spotCpuCores * MILLIS_PER_CORE)),
        pool("on-demand", 50, Operator.DOES_NOT_EXIST, Set.of("on-demand"), Resources.NONE),
        gpuPool());
  }

  /**
   * The weighted setting for these pods: the Spot pool may hold {@link #SPOT_CPU_SHARE} of their
   * requested CPU (whole vCPUs, rounded up), so the planner must use both pools.
   */
  public static List<NodePool> weightedFor(List<Pod> pods) {
    long millis = 0;
    for (Pod p : pods) {
      millis += p.requests().get(ResourceNames.CPU);
    }
    long cores = (long) Math.ceil(millis * SPOT_CPU_SHARE / MILLIS_PER_CORE);
    return weighted(cores);
  }

  private static NodePool gpuPool() {
    return new NodePool(
        "gpu",
        10,
        requirements(Operator.EXISTS, Set.of("spot", "on-demand")),
        Map.of(),
        List.of(GPU_TAINT),
        List.of(),
        Resources.NONE,
        null,
        null,
        null,
        null,
        NodePool.Api.V1);
  }

  private static NodePool pool(
      String name, int weight, Operator gpus, Set<String> capacityTypes, Resources limits) {
    return new NodePool(
        name,
        weight,
        requirements(gpus, capacityTypes),
        Map.of(),
        List.of(),
        List.of(),
        limits,
        null,
        null,
        null,
        null,
        NodePool.Api.V1);
  }

  private static Requirements requirements(Operator gpus, Set<String> capacityTypes) {
    return Requirements.of(
        new Requirement(WellKnownLabels.INSTANCE_GPU_COUNT, gpus, Set.of(), null),
        new Requirement(WellKnownLabels.CAPACITY_TYPE, Operator.IN, capacityTypes, null));
  }
}
