package io.flotilla.core.workload;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Generates diverse pending-pod mixes, the kind a large shared cluster has: many small workloads (1
 * to 10 replicas each, so over a thousand workloads for 10,000 pods) with hundreds of distinct
 * request vectors. Per workload, drawn from the injected generator (same seed, same mix):
 *
 * <ul>
 *   <li>1.5 % need one or two NVIDIA GPUs (2-8 cores, 8-32 GiB in steps of 4, amd64 images,
 *       tolerating the GPU pool's taint);
 *   <li>the others take a common size (30 %, one of {@link #COMMON_SIZES}) or a size on a fine grid
 *       (CPU log-uniform from 50m to 8 cores, in steps of 50m below 1 core, 250m below 4, 500m
 *       above; memory 0.5-8 GiB per core times 0.75, 1 or 1.25, in steps of 64 MiB);
 *   <li>15 % of them also request ephemeral-storage (256 MiB to 2 GiB);
 *   <li>images: 50 % multi-arch, 35 % amd64-only, 15 % arm64-only;
 *   <li>a {@code kubernetes.io/arch} nodeSelector consistent with the images: amd64 or arm64 on 15
 *       % each of the multi-arch ones, amd64 on 40 % of the amd64-only ones, arm64 on 60 % of the
 *       arm64-only ones, none otherwise;
 *   <li>a {@code karpenter.sh/capacity-type} nodeSelector: on-demand on 8 %, spot on 3 %.
 * </ul>
 */
public final class DiverseMixGenerator {
  /** Sizes many teams copy from each other: (millicores, MiB). */
  static final long[][] COMMON_SIZES = {
    {50, 64},
    {100, 128},
    {100, 256},
    {200, 256},
    {250, 256},
    {250, 512},
    {500, 512},
    {500, 1024},
    {1000, 1024},
    {1000, 2048},
    {1000, 4096},
    {2000, 2048},
    {2000, 4096},
    {2000, 8192},
    {4000, 8192},
    {4000, 16384}
  };

  static final double GPU_SHARE = 0.015;
  static final double COMMON_SIZE_SHARE = 0.30;
  static final double EPHEMERAL_SHARE = 0.15;
  static final String AMD64 = "amd64";
  static final String ARM64 = "arm64";

  private static final double[] GIB_PER_CORE = {0.5, 1, 2, 4, 8};
  private static final double[] GIB_PER_CORE_WEIGHT = {0.1, 0.2, 0.35, 0.25, 0.1};
  private static final long[] EPHEMERAL_MIB = {256, 512, 1024, 2048};
  private static final long MIB = 1L << 20;

  private final RandomGenerator random;

  public DiverseMixGenerator(RandomGenerator random) {
    this.random = random;
  }

  /** The mix's pods, workload after workload. */
  public List<Pod> pods(DiverseMixSpec spec) {
    return GeneratedWorkload.pods(workloads(spec));
  }

  /** The mix as workloads, {@code spec.pods()} replicas in all. */
  public List<GeneratedWorkload> workloads(DiverseMixSpec spec) {
    List<GeneratedWorkload> workloads = new ArrayList<>();
    int left = spec.pods();
    while (left > 0) {
      int replicas = Math.min(left, 1 + random.nextInt(spec.maxReplicas()));
      left -= replicas;
      int index = workloads.size();
      workloads.add(
          random.nextDouble() < GPU_SHARE ? gpu(index, replicas) : general(index, replicas));
    }
    return workloads;
  }

  private GeneratedWorkload gpu(int index, int replicas) {
    long millis = 1000L * (2 + random.nextInt(7));
    long memory = 1024L * (8 + 4 * random.nextInt(7)) * MIB;
    long gpus = random.nextDouble() < 0.8 ? 1 : 2;
    Resources requests =
        Resources.of(
            Map.of(
                ResourceNames.CPU,
                millis,
                ResourceNames.MEMORY,
                memory,
                ResourceNames.NVIDIA_GPU,
                gpus));
    return new GeneratedWorkload(
        "gpu-" + index,
        replicas,
        requests,
        Map.of(),
        List.of(MixPools.GPU_TOLERATION),
        Set.of(AMD64));
  }

  private GeneratedWorkload general(int index, int replicas) {
    Map<String, Long> requests = new TreeMap<>();
    if (random.nextDouble() < COMMON_SIZE_SHARE) {
      long[] size = COMMON_SIZES[random.nextInt(COMMON_SIZES.length)];
      requests.put(ResourceNames.CPU, size[0]);
      requests.put(ResourceNames.MEMORY, size[1] * MIB);
    } else {
      long millis = gridMillis(Math.exp(Math.log(50) + random.nextDouble() * Math.log(160)));
      double gibPerCore =
          Draws.pick(random, GIB_PER_CORE, GIB_PER_CORE_WEIGHT) * (0.75 + random.nextInt(3) / 4.0);
      requests.put(ResourceNames.CPU, millis);
      requests.put(
          ResourceNames.MEMORY, Draws.roundTo(gibPerCore * 1024 * millis / 1000.0, 64) * MIB);
    }
    if (random.nextDouble() < EPHEMERAL_SHARE) {
      requests.put(
          ResourceNames.EPHEMERAL_STORAGE,
          EPHEMERAL_MIB[random.nextInt(EPHEMERAL_MIB.length)] * MIB);
    }
    Set<String> images = images();
    Map<String, String> selector = new TreeMap<>();
    String arch = archSelector(images);
    if (arch != null) {
      selector.put(WellKnownLabels.ARCH, arch);
    }
    double capacity = random.nextDouble();
    if (capacity < 0.08) {
      selector.put(WellKnownLabels.CAPACITY_TYPE, "on-demand");
    } else if (capacity < 0.11) {
      selector.put(WellKnownLabels.CAPACITY_TYPE, "spot");
    }
    return new GeneratedWorkload(
        "svc-" + index, replicas, Resources.of(requests), selector, List.of(), images);
  }

  /** The architectures the workload's images are built for. */
  private Set<String> images() {
    double r = random.nextDouble();
    return r < 0.50 ? Set.of(AMD64, ARM64) : r < 0.85 ? Set.of(AMD64) : Set.of(ARM64);
  }

  /** An arch nodeSelector the images can honour, or null for none. */
  private String archSelector(Set<String> images) {
    double r = random.nextDouble();
    if (images.size() > 1) {
      return r < 0.15 ? AMD64 : r < 0.30 ? ARM64 : null;
    }
    String only = images.iterator().next();
    double share = AMD64.equals(only) ? 0.40 : 0.60;
    return r < share ? only : null;
  }

  /** Snaps a CPU request to the grid people write: 50m steps, 250m from 1 core, 500m from 4. */
  static long gridMillis(double millis) {
    long step = millis < 1000 ? 50 : millis < 4000 ? 250 : 500;
    return Math.min(8000, Draws.roundTo(millis, step));
  }
}
