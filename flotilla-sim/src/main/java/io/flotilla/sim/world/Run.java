package io.flotilla.sim.world;

import io.flotilla.control.manager.ControlSettings;
import io.flotilla.core.plan.Planner;
import io.flotilla.sim.cloud.CloudSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** How one run goes: for how long, with which seed, strategy, settings and injected faults. */
public record Run(
    Duration duration,
    long seed,
    Planner.Strategy strategy,
    ControlSettings control,
    CloudSettings cloud,
    Duration podGracePeriod,
    List<Fault> faults) {
  public Run {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(podGracePeriod, "podGracePeriod");
    faults = List.copyOf(faults);
  }
}
