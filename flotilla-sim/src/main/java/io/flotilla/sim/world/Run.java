package io.flotilla.sim.world;

import io.flotilla.control.manager.ControlSettings;
import io.flotilla.core.plan.Planner;
import io.flotilla.sim.cloud.CloudSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one run goes: for how long, with which seed, strategy, settings and injected faults, how
 * often the timeline samples the world, and how long it warms up before its figures count (the cold
 * start, first launches and first rescales, left out of a steady state's figures).
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
    List<ScaleStep> scaleSteps,
    Duration warmUp) {
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
    Objects.requireNonNull(warmUp, "warmUp");
    if (warmUp.isNegative() || warmUp.compareTo(duration) >= 0) {
      throw new IllegalArgumentException(
          "warm-up must be at least 0 and shorter than the run (" + duration + "): " + warmUp);
    }
    if (sampleEvery.isNegative() || sampleEvery.isZero()) {
      throw new IllegalArgumentException("sampleEvery must be positive: " + sampleEvery);
    }
  }

  /** A run measured from its start. */
  public Run(
      Duration duration,
      long seed,
      Planner.Strategy strategy,
      ControlSettings control,
      CloudSettings cloud,
      Duration podGracePeriod,
      List<Fault> faults,
      Duration sampleEvery,
      List<ScaleStep> scaleSteps) {
    this(
        duration,
        seed,
        strategy,
        control,
        cloud,
        podGracePeriod,
        faults,
        sampleEvery,
        scaleSteps,
        Duration.ZERO);
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
        duration,
        seed,
        strategy,
        control,
        cloud,
        podGracePeriod,
        faults,
        every,
        scaleSteps,
        warmUp);
  }

  public Run withControl(ControlSettings settings) {
    return new Run(
        duration,
        seed,
        strategy,
        settings,
        cloud,
        podGracePeriod,
        faults,
        sampleEvery,
        scaleSteps,
        warmUp);
  }

  public Run withScaleSteps(List<ScaleStep> steps) {
    return new Run(
        duration,
        seed,
        strategy,
        control,
        cloud,
        podGracePeriod,
        faults,
        sampleEvery,
        steps,
        warmUp);
  }

  /** The same run with its figures counted only after {@code warmUp} (the timeline has it all). */
  public Run withWarmUp(Duration warmUp) {
    return new Run(
        duration,
        seed,
        strategy,
        control,
        cloud,
        podGracePeriod,
        faults,
        sampleEvery,
        scaleSteps,
        warmUp);
  }
}
