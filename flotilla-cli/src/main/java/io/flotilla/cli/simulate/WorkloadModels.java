package io.flotilla.cli.simulate;

import java.time.Duration;
import java.util.Map;

/**
 * What the manifests cannot say about the workloads: how long each Job's pods run ({@code
 * Kind/name} to duration).
 */
public record WorkloadModels(Map<String, Duration> jobDurations) {
  public WorkloadModels {
    jobDurations = Map.copyOf(jobDurations);
  }
}
