package io.flotilla.bench;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.workload.GeneratedWorkload;
import java.util.List;
import java.util.Objects;

/** One generated planning problem: a mix of a size from a seed, and the pools it is planned on. */
public record BenchCase(BenchMix mix, BenchPools pools, int pods, long seed) {
  public BenchCase {
    Objects.requireNonNull(mix, "mix");
    Objects.requireNonNull(pools, "pools");
    if (pods < 0) {
      throw new IllegalArgumentException("pods must not be negative: " + pods);
    }
  }

  /** The generated problem: its workloads, their pods and the pools. */
  public record Problem(List<GeneratedWorkload> workloads, List<Pod> pods, List<NodePool> pools) {
    public Problem {
      workloads = List.copyOf(workloads);
      pods = List.copyOf(pods);
      pools = List.copyOf(pools);
    }

    /** The request to plan: these pods on these pools, no existing nodes, no DaemonSets. */
    public PlanRequest request(Catalog catalog) {
      return new PlanRequest(pods, List.of(), pools, List.of(), catalog);
    }
  }

  public Problem generate() {
    List<GeneratedWorkload> workloads = mix.workloads(pods, seed);
    List<Pod> all = GeneratedWorkload.pods(workloads);
    return new Problem(workloads, all, pools.pools(all));
  }
}
