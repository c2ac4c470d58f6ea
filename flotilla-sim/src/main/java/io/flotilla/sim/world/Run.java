package io.flotilla.sim.world;

import io.flotilla.control.manager.ControlSettings;
import io.flotilla.core.plan.Planner;
import io.flotilla.sim.cloud.CloudSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one run goes: for how long, with which seed, strategy, settings and injected faults, and how
 * often the timeline samples the world.
 */
public record Run(
    Duration duration,
    long seed,
    Planner.Strategy strategy,
    ControlSettings control,
    CloudSettings cloud,
    Duration podGracePeriod,
    List<Fault> faults,
    Duration sampleEvery,
    List<ScaleStep> scaleSteps) {
  /** The timeline's default sampling interval. */
  public static final Duration DEFAULT_SAMPLE_EVERY = Duration.ofSeconds(60);

  public Run {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(podGracePeriod, "podGracePeriod");
    Objects.requireNonNull(sampleEvery, "sampleEvery");
    faults = List.copyOf(faults);
    scaleSteps = List.copyOf(scaleSteps);
    if (sampleEvery.isNegative() || sampleEvery.isZero()) {
      throw new IllegalArgumentException("sampleEvery must be positive: " + sampleEvery);
    }
  }

  /** A run sampled every {@link #DEFAULT_SAMPLE_EVERY}. */
  public Run(
      Duration duration,
      long seed,
      Planner.Strategy strategy,
      ControlSettings control,
      CloudSettings cloud,
      Duration podGracePeriod,
      List<Fault> faults) {
    this(duration, seed, strategy, control, cloud, podGracePeriod, faults, DEFAULT_SAMPLE_EVERY);
  }

  /** A run without scheduled scale changes. */
  public Run(
      Duration duration,
      long seed,
      Planner.Strategy strategy,
      ControlSettings control,
      CloudSettings cloud,
      Duration podGracePeriod,
      List<Fault> faults,
      Duration sampleEvery) {
    this(duration, seed, strategy, control, cloud, podGracePeriod, faults, sampleEvery, List.of());
  }

  public Run withSampleEvery(Duration every) {
    return new Run(
        duration, seed, strategy, control, cloud, podGracePeriod, faults, every, scaleSteps);
  }

  public Run withControl(ControlSettings settings) {
    return new Run(
        duration, seed, strategy, settings, cloud, podGracePeriod, faults, sampleEvery, scaleSteps);
  }

  public Run withScaleSteps(List<ScaleStep> steps) {
    return new Run(
        duration, seed, strategy, control, cloud, podGracePeriod, faults, sampleEvery, steps);
  }
}
