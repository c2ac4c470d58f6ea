package io.flotilla.sim.autoscaling;

import java.time.Instant;

/** The CPU (cores) a workload's running pods use together at an instant, as metrics report it. */
@FunctionalInterface
public interface CpuUsage {
  double cores(Instant now);
}
