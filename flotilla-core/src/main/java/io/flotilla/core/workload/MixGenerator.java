package io.flotilla.core.workload;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
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

  /** The mix's pods, workload after workload. */
  public List<Pod> pods(MixSpec spec) {
    return GeneratedWorkload.pods(workloads(spec));
  }

  /** The mix as workloads: their replicas, then each one's shape. */
  public List<GeneratedWorkload> workloads(MixSpec spec) {
    int count = spec.effectiveWorkloads();
    long[] replicas = replicas(spec.pods(), count);
    List<GeneratedWorkload> workloads = new ArrayList<>(count);
    for (int w = 0; w < count; w++) {
      double kind = random.nextDouble();
      int n = (int) replicas[w];
      workloads.add(
          kind < spec.gpuShare()
              ? gpu(w, n)
              : kind < spec.gpuShare() + spec.armOnlyShare()
                  ? cpu(w, n, "arm64")
                  : kind < spec.gpuShare() + spec.armOnlyShare() + spec.x86OnlyShare()
                      ? cpu(w, n, "amd64")
                      : cpu(w, n, null));
    }
    return workloads;
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

  private GeneratedWorkload cpu(int index, int replicas, String arch) {
    long millis = Draws.roundTo(Math.exp(Math.log(100) + random.nextDouble() * Math.log(80)), 50);
    double gib =
        Draws.pick(random, GIB_PER_CORE, GIB_PER_CORE_WEIGHT) * (0.75 + 0.5 * random.nextDouble());
    long memory = Draws.roundTo(Math.max(64, gib * 1024 * millis / 1000.0), 64) * MIB;
    Resources requests =
        Resources.of(Map.of(ResourceNames.CPU, millis, ResourceNames.MEMORY, memory));
    Map<String, String> selector = Map.of();
    Set<String> archs = Set.of();
    if ("arm64".equals(arch)) {
      selector = Map.of(WellKnownLabels.ARCH, "arm64");
    } else if ("amd64".equals(arch)) {
      archs = Set.of("amd64");
    }
    return new GeneratedWorkload("svc-" + index, replicas, requests, selector, List.of(), archs);
  }

  private GeneratedWorkload gpu(int index, int replicas) {
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
    return new GeneratedWorkload(
        "gpu-" + index,
        replicas,
        requests,
        Map.of(),
        List.of(MixPools.GPU_TOLERATION),
        Set.of("amd64"));
  }
}
