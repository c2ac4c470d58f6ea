package io.flotilla.core.workload;

/**
 * What a diverse mix looks like: how many pods, and the most replicas one workload has (each has 1
 * to {@code maxReplicas}, uniformly; the last one takes what is left).
 */
public record DiverseMixSpec(int pods, int maxReplicas) {
  /** The diverse benchmark mix: 1 to 10 replicas per workload. */
  public static final int DEFAULT_MAX_REPLICAS = 10;

  public DiverseMixSpec {
    if (pods < 0) {
      throw new IllegalArgumentException("pods must not be negative: " + pods);
    }
    if (maxReplicas < 1) {
      throw new IllegalArgumentException("maxReplicas must be at least 1: " + maxReplicas);
    }
  }

  public static DiverseMixSpec of(int pods) {
    return new DiverseMixSpec(pods, DEFAULT_MAX_REPLICAS);
  }
}
