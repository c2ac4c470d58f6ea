package io.flotilla.cli.simulate;

import io.flotilla.sim.flink.FlinkJobSpec;
import io.flotilla.sim.traffic.Traffic;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the manifests cannot say about the workloads: how long each Job's pods run and how many must
 * complete, the CPU load each workload carries over time ({@code Kind/name} to a curve, in cores
 * for all its pods together), and the Flink job running in the pods of two of them.
 */
public record WorkloadModels(
    Map<String, JobModel> jobs, Map<String, Traffic> load, Optional<FlinkJobSpec> flink) {
  /**
   * A Job's pods run {@code duration}; it is done after {@code completions} (null: parallelism).
   */
  public record JobModel(Duration duration, Integer completions) {}

  public WorkloadModels {
    jobs = Map.copyOf(jobs);
    load = Map.copyOf(load);
    flink = flink == null ? Optional.empty() : flink;
  }
}
