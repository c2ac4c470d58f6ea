package io.flotilla.sim.cloud;

import io.flotilla.core.catalog.Offering;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One instance's time on the bill: from launch to its end (or to now, while it runs). */
public record InstanceUsage(String id, Offering offering, Instant start, Optional<Instant> end) {
  public Duration until(Instant now) {
    Instant stop = end.orElse(now);
    return Duration.between(start, stop.isBefore(start) ? start : stop);
  }

  public double costUntil(Instant now) {
    return offering.pricePerHour() * until(now).toMillis() / 3_600_000.0;
  }
}
