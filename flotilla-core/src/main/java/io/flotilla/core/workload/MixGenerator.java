package io.flotilla.core.workload;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Generates realistic pending-pod mixes from a seeded generator: workloads with heavy-tailed
 * replica counts, CPU requests log-uniform from 100m to 8 cores, memory from 0.5 to 8 GiB per core,
 * some arm64-only, some amd64-only images, some GPU. Same seed, same mix.
 */
public final class MixGenerator {
  private static final double[] GIB_PER_CORE = {0.5, 1, 2, 4, 8};
  private static final double[] GIB_PER_CORE_WEIGHT = {0.1, 0.2, 0.35, 0.25, 0.1};
  private static final long MIB = 1L << 20;

  private final RandomGenerator random;

  public MixGenerator(RandomGenerator random) {
    this.random = random;
  }

  public List<Pod> pods(MixSpec spec) {
    int workloads = spec.effectiveWorkloads();
    long[] replicas = replicas(spec.pods(), workloads);
    List<Pod> pods = new ArrayList<>(spec.pods());
    for (int w = 0; w < workloads; w++) {
      double kind = random.nextDouble();
      Workload shape =
          kind < spec.gpuShare()
              ? gpu(w)
              : kind < spec.gpuShare() + spec.armOnlyShare()
                  ? cpu(w, "arm64")
                  : kind < spec.gpuShare() + spec.armOnlyShare() + spec.x86OnlyShare()
                      ? cpu(w, "amd64")
                      : cpu(w, null);
      for (int i = 0; i < replicas[w]; i++) {
        pods.add(shape.pod(i));
      }
    }
    return pods;
  }

  /** The pools the benchmark plans against: the whole catalog, GPUs only for GPU pods. */
  public static List<NodePool> standardPools() {
    return List.of(
        pool("general", 50, Operator.DOES_NOT_EXIST, List.of()),
        pool(
            "gpu",
            10,
            Operator.EXISTS,
            List.of(new Taint(ResourceNames.NVIDIA_GPU, "", Effect.NO_SCHEDULE))));
  }

  /** An unlimited v1 pool that takes or leaves GPU types, with its taints. */
  private static NodePool pool(String name, int weight, Operator gpus, List<Taint> taints) {
    return new NodePool(
        name,
        weight,
        Requirements.of(new Requirement(WellKnownLabels.INSTANCE_GPU_COUNT, gpus, Set.of(), null)),
        Map.of(),
        taints,
        List.of(),
        Resources.NONE,
        null,
        null,
        null,
        null,
        NodePool.Api.V1);
  }

  private long[] replicas(int pods, int workloads) {
    double[] weight = new double[workloads];
    double total = 0;
    for (int w = 0; w < workloads; w++) {
      // Pareto(1.2): a few big services, many small ones.
      weight[w] = Math.pow(1 - random.nextDouble(), -1 / 1.2);
      total += weight[w];
    }
    long[] replicas = new long[workloads];
    long assigned = 0;
    for (int w = 0; w < workloads; w++) {
      replicas[w] = (long) Math.floor(weight[w] / total * pods);
      assigned += replicas[w];
    }
    for (int w = 0; assigned < pods; w = (w + 1) % workloads) {
      replicas[w]++;
      assigned++;
    }
    return replicas;
  }

  private Workload cpu(int index, String arch) {
    long millis = roundTo(Math.exp(Math.log(100) + random.nextDouble() * Math.log(80)), 50);
    double gib = pick(GIB_PER_CORE, GIB_PER_CORE_WEIGHT) * (0.75 + 0.5 * random.nextDouble());
    long memory = roundTo(Math.max(64, gib * 1024 * millis / 1000.0), 64) * MIB;
    Resources requests =
        Resources.of(Map.of(ResourceNames.CPU, millis, ResourceNames.MEMORY, memory));
    NodeAffinity affinity = NodeAffinity.NONE;
    Set<String> archs = Set.of();
    if ("arm64".equals(arch)) {
      affinity =
          new NodeAffinity(
              List.of(Requirements.of(Requirement.in(WellKnownLabels.ARCH, "arm64"))), List.of());
    } else if ("amd64".equals(arch)) {
      archs = Set.of("amd64");
    }
    return new Workload("svc-" + index, requests, affinity, List.of(), archs);
  }

  private Workload gpu(int index) {
    long millis = 1000L * (2 + random.nextInt(7));
    long memory = 1024L * (8 + random.nextInt(25)) * MIB;
    Resources requests =
        Resources.of(
            Map.of(
                ResourceNames.CPU,
                millis,
                ResourceNames.MEMORY,
                memory,
                ResourceNames.NVIDIA_GPU,
                1L));
    return new Workload(
        "gpu-" + index,
        requests,
        NodeAffinity.NONE,
        List.of(new Toleration(ResourceNames.NVIDIA_GPU, true, null, Effect.NO_SCHEDULE)),
        Set.of("amd64"));
  }

  private double pick(double[] values, double[] weights) {
    double r = random.nextDouble();
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r <= 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private static long roundTo(double value, long step) {
    return Math.max(step, Math.round(value / step) * step);
  }

  private record Workload(
      String name,
      Resources requests,
      NodeAffinity affinity,
      List<Toleration> tolerations,
      Set<String> architectures) {
    Pod pod(int i) {
      return new Pod(
          new PodId("bench", name + "-" + i),
          Map.of("app", name),
          requests,
          affinity,
          tolerations,
          List.of(),
          List.of(),
          List.of(),
          architectures,
          Set.of(),
          "Deployment/" + name,
          null);
    }
  }
}
