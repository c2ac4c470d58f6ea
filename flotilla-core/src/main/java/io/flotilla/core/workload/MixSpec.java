package io.flotilla.core.workload;

/**
 * What a generated workload mix looks like: how many pods, spread over how many workloads (0: about
 * one per 25 pods), and the shares of workloads that run only on arm64, only on x86 (amd64-only
 * images), or need a GPU.
 */
public record MixSpec(
    int pods, int workloads, double armOnlyShare, double x86OnlyShare, double gpuShare) {

  public MixSpec {
    if (pods < 0) {
      throw new IllegalArgumentException("pods must not be negative: " + pods);
    }
    if (workloads < 0) {
      throw new IllegalArgumentException("workloads must not be negative: " + workloads);
    }
    if (armOnlyShare < 0
        || x86OnlyShare < 0
        || gpuShare < 0
        || armOnlyShare + x86OnlyShare + gpuShare > 1) {
      throw new IllegalArgumentException("shares must be non-negative and sum to at most 1");
    }
  }

  /** The benchmark's mix: 15 % arm-only, 15 % x86-only, 3 % GPU workloads. */
  public static MixSpec standard(int pods) {
    return new MixSpec(pods, 0, 0.15, 0.15, 0.03);
  }

  public int effectiveWorkloads() {
    if (workloads > 0) {
      return Math.min(workloads, Math.max(1, pods));
    }
    return Math.max(1, Math.min(Math.max(pods, 1), Math.max(10, Math.min(400, pods / 25))));
  }
}
