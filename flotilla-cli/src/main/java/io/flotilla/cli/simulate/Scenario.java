package io.flotilla.cli.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A scenario file as read: the manifests it names (resolved against the file's directory), how long
 * and with which seed to run, the strategy, how long it warms up before its figures count, what
 * happens during the run (faults, scale changes) and the cloud's behaviour. Workload models
 * (traffic, Flink, Job durations) are in {@link WorkloadModels}.
 */
public record Scenario(
    Path file,
    String name,
    List<Path> manifests,
    List<Path> nodeGroups,
    Duration duration,
    long seed,
    StrategyName strategy,
    boolean checkpointOnWarning,
    Duration sampleEvery,
    Duration podGracePeriod,
    Duration warmUp,
    List<FaultStep> faults,
    List<ScaleStep> scaleSteps,
    CloudSpec cloud,
    WorkloadModels models,
    List<OwnerRef> references) {

  /** A workload the scenario names ({@code Kind/name}) and where: file, line and field. */
  public record OwnerRef(String owner, String where) {}

  /** Interrupt up to {@code nodes} Spot nodes of {@code pool} at {@code at} with {@code notice}. */
  public record FaultStep(Duration at, String pool, int nodes, Duration notice) {}

  /** Set the replicas of {@code workload} ({@code Kind/name}) at {@code at}. */
  public record ScaleStep(Duration at, String workload, int replicas) {}

  /** The simulated cloud's knobs; null leaves the default. */
  public record CloudSpec(
      Double interruptionScale,
      Double launchesPerSecond,
      Integer launchBurst,
      Integer spotCapacityPerPool,
      Duration rebalanceLead,
      Duration readyMin,
      Duration readyMax) {
    public static final CloudSpec DEFAULTS =
        new CloudSpec(null, null, null, null, null, null, null);
  }

  public Scenario {
    Objects.requireNonNull(file, "file");
    manifests = List.copyOf(manifests);
    nodeGroups = List.copyOf(nodeGroups);
    faults = List.copyOf(faults);
    scaleSteps = List.copyOf(scaleSteps);
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(models, "models");
    references = List.copyOf(references);
  }
}
